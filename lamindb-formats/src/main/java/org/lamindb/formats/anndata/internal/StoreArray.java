package org.lamindb.formats.anndata.internal;

import java.util.List;
import org.lamindb.formats.anndata.DType;

/**
 * An n-dimensional array (HDF5 dataset, zarr array). Values come back as flat row-major Java arrays
 * of {@link #dtype()}'s type; compound (record) arrays come back as a {@code LinkedHashMap} of
 * field name to flat array.
 */
public interface StoreArray extends StoreNode {

  /**
   * @return the dimensions; empty for a scalar
   */
  long[] shape();

  /**
   * @return the element type, or null for compound (record) arrays
   */
  DType dtype();

  /**
   * @return field names of a compound array, empty otherwise
   */
  List<String> fieldNames();

  /**
   * @param field a field of a compound array
   * @return the dimensions of a fixed-size sub-array field (e.g. {@code {50}} for {@code ('X_pca',
   *     'f4', (50,))}), empty for a plain field
   */
  default int[] fieldShape(String field) {
    return new int[0];
  }

  /**
   * @return true when the array has no data at all (HDF5 null dataspace)
   */
  default boolean isNull() {
    return false;
  }

  /**
   * @return all values, flat (a scalar gives a one-element array)
   */
  Object read();

  /**
   * @param start first index along axis 0
   * @param count number of indices along axis 0
   * @return values of the slab {@code [start, start+count)} along axis 0, flat row-major
   */
  Object readRows(long start, long count);

  /**
   * @return number of elements
   */
  default long size() {
    long n = 1;
    for (long d : shape()) {
      n *= d;
    }
    return n;
  }
}
