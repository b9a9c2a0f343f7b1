package org.lamindb.formats.anndata.internal;

import java.util.Map;

/**
 * A node of a hierarchical array store (an HDF5 file or a zarr store) as the AnnData codec sees it.
 * Attribute values are normalized to {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code String[]}, {@code long[]}, {@code double[]} or {@code boolean[]}.
 */
public interface StoreNode {

  /**
   * @return the path inside the store, e.g. {@code /obs/cell_type}
   */
  String path();

  /**
   * @return the normalized attributes (empty when none)
   */
  Map<String, Object> attrs();

  /**
   * @return the attribute as a string, or null when absent
   */
  default String attrString(String name) {
    Object v = attrs().get(name);
    if (v instanceof String[] && ((String[]) v).length == 1) {
      return ((String[]) v)[0];
    }
    return v == null ? null : v.toString();
  }
}
