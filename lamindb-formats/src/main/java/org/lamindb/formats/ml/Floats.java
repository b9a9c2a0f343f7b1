package org.lamindb.formats.ml;

import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.internal.ArrayOps;

/** Conversions of stored numeric arrays to {@code float[]}. */
final class Floats {
  private Floats() {}

  /**
   * @return the values as floats (the array itself when it already is a {@code float[]})
   */
  static float[] of(Object data, DType dtype) {
    if (data instanceof float[] f) {
      return f;
    }
    int n = ArrayOps.length(data);
    float[] out = new float[n];
    if (data instanceof double[] d) {
      for (int i = 0; i < n; i++) {
        out[i] = (float) d[i];
      }
    } else if (data instanceof int[] v) {
      for (int i = 0; i < n; i++) {
        out[i] = v[i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = (float) ArrayOps.getDouble(data, dtype, i);
      }
    }
    return out;
  }
}
