package org.lamindb.formats.anndata.internal;

import java.util.Map;
import org.lamindb.formats.anndata.DType;

/** A group being written to an array store (HDF5 file or zarr store). */
public interface StoreWriter {

  /** Sets attributes of this group (used for the root group). */
  void attrs(Map<String, Object> attrs);

  /**
   * @return a new child group
   */
  StoreWriter group(String name, Map<String, Object> attrs);

  /**
   * Writes an array.
   *
   * @param name child name
   * @param data flat row-major Java array matching {@code dtype} (null entries allowed for strings)
   * @param dtype element type
   * @param shape dimensions; empty for a scalar
   * @param attrs attributes ({@code String}, {@code String[]}, {@code Long}, {@code long[]}, {@code
   *     Boolean})
   */
  void array(String name, Object data, DType dtype, long[] shape, Map<String, Object> attrs);
}
