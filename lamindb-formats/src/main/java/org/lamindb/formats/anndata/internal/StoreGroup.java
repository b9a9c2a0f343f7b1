package org.lamindb.formats.anndata.internal;

import java.util.List;

/** A group (HDF5 group, zarr group) holding named child nodes. */
public interface StoreGroup extends StoreNode {

  /**
   * @return names of the children, in store order
   */
  List<String> childNames();

  /**
   * @return the child, or null when absent
   */
  StoreNode child(String name);
}
