package org.lamindb.formats.ml;

import java.util.List;
import org.lamindb.ml.FloatMatrix;

/** Gathers rows of several blocks into one matrix (CSR or dense row-major). */
final class Rows {
  private Rows() {}

  static FloatMatrix gather(List<FloatMatrix> blocks, int[] rows, boolean sparse, int cols) {
    int n = rows.length;
    if (!sparse) {
      float[] out = new float[n * cols];
      for (int k = 0; k < n; k++) {
        FloatMatrix b = blocks.get(k);
        if (b.sparse()) {
          int[] p = b.indptr();
          for (int j = p[rows[k]]; j < p[rows[k] + 1]; j++) {
            out[k * cols + b.indices()[j]] = b.data()[j];
          }
        } else {
          System.arraycopy(b.data(), rows[k] * cols, out, k * cols, cols);
        }
      }
      return FloatMatrix.dense(n, cols, out);
    }
    int[] ptr = new int[n + 1];
    for (int k = 0; k < n; k++) {
      ptr[k + 1] = ptr[k] + rowNnz(blocks.get(k), rows[k]);
    }
    int[] idx = new int[ptr[n]];
    float[] data = new float[ptr[n]];
    for (int k = 0; k < n; k++) {
      FloatMatrix b = blocks.get(k);
      int r = rows[k];
      if (b.sparse()) {
        int s = b.indptr()[r];
        int len = b.indptr()[r + 1] - s;
        System.arraycopy(b.indices(), s, idx, ptr[k], len);
        System.arraycopy(b.data(), s, data, ptr[k], len);
      } else {
        int at = ptr[k];
        for (int j = 0; j < cols; j++) {
          float v = b.data()[r * cols + j];
          if (v != 0f) {
            idx[at] = j;
            data[at++] = v;
          }
        }
      }
    }
    return FloatMatrix.csr(n, cols, ptr, idx, data);
  }

  private static int rowNnz(FloatMatrix b, int r) {
    if (b.sparse()) {
      return b.indptr()[r + 1] - b.indptr()[r];
    }
    int c = 0;
    for (int j = r * b.cols(); j < (r + 1) * b.cols(); j++) {
      if (b.data()[j] != 0f) {
        c++;
      }
    }
    return c;
  }
}
