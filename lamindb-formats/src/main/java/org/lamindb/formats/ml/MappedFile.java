package org.lamindb.formats.ml;

import java.util.Arrays;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.formats.anndata.Matrix;
import org.lamindb.formats.anndata.SparseMatrix;
import org.lamindb.ml.FloatMatrix;

/**
 * One file of a mapped collection: reads row ranges of its matrix as floats in the collection's
 * column space (after the var join). CSR and dense matrices are read range by range through a
 * {@link FileReader} of the reading thread; a CSC matrix is read once and kept as CSR (its rows are
 * spread over every column).
 */
final class MappedFile {
  final String uid;
  final String layer;
  final long[] shape;
  final int[] colMap;
  final int resultCols;
  final boolean sparse;
  final int index;
  private final boolean csc;
  private final AnnDataAccessor acc;
  private volatile FloatMatrix cscAsCsr;

  MappedFile(
      int index, String uid, AnnDataAccessor acc, String layer, int[] colMap, int resultCols) {
    this.index = index;
    this.acc = acc;
    this.uid = uid;
    this.layer = layer;
    this.shape = acc.matrixShape(layer);
    this.colMap = colMap;
    this.resultCols = resultCols;
    String enc = acc.matrixEncoding(layer);
    this.csc = enc.equals("csc_matrix");
    this.sparse = csc || enc.equals("csr_matrix");
  }

  /**
   * @return file rows {@code [from, to)} as floats in the result's columns
   */
  FloatMatrix rows(Readers readers, int from, int to) {
    if (csc) {
      return remap(csrRows(wholeAsCsr(), from, to));
    }
    return remap(readers.get(index).rows(from, to));
  }

  private FloatMatrix wholeAsCsr() {
    FloatMatrix c = cscAsCsr;
    if (c == null) {
      synchronized (this) {
        if (cscAsCsr == null) {
          cscAsCsr = cscToCsr((SparseMatrix) acc.matrix(layer));
        }
        c = cscAsCsr;
      }
    }
    return c;
  }

  static FloatMatrix toFloat(Matrix m) {
    if (m instanceof SparseMatrix s) {
      if (s.format() == SparseMatrix.Format.CSC) {
        return cscToCsr(s);
      }
      long[] p = s.indptr();
      int[] ptr = new int[p.length];
      for (int i = 0; i < p.length; i++) {
        ptr[i] = Math.toIntExact(p[i]);
      }
      return FloatMatrix.csr(
          (int) s.shape()[0], (int) s.shape()[1], ptr, s.indices(), Floats.of(s.data(), s.dtype()));
    }
    DenseMatrix d = (DenseMatrix) m;
    return FloatMatrix.dense(
        (int) d.shape()[0], (int) d.shape()[1], Floats.of(d.data(), d.dtype()));
  }

  static FloatMatrix cscToCsr(SparseMatrix s) {
    int rows = (int) s.shape()[0];
    int cols = (int) s.shape()[1];
    long[] cp = s.indptr();
    int[] ri = s.indices();
    float[] v = Floats.of(s.data(), s.dtype());
    int[] ptr = new int[rows + 1];
    for (int r : ri) {
      ptr[r + 1]++;
    }
    for (int i = 0; i < rows; i++) {
      ptr[i + 1] += ptr[i];
    }
    int[] next = Arrays.copyOf(ptr, rows);
    int[] idx = new int[ri.length];
    float[] data = new float[ri.length];
    for (int c = 0; c < cols; c++) {
      for (long k = cp[c]; k < cp[c + 1]; k++) {
        int r = ri[(int) k];
        int at = next[r]++;
        idx[at] = c;
        data[at] = v[(int) k];
      }
    }
    return FloatMatrix.csr(rows, cols, ptr, idx, data);
  }

  static FloatMatrix csrRows(FloatMatrix m, int from, int to) {
    int[] p = m.indptr();
    int start = p[from];
    int[] ptr = new int[to - from + 1];
    for (int i = 0; i < ptr.length; i++) {
      ptr[i] = p[from + i] - start;
    }
    int end = p[to];
    return FloatMatrix.csr(
        to - from,
        m.cols(),
        ptr,
        Arrays.copyOfRange(m.indices(), start, end),
        Arrays.copyOfRange(m.data(), start, end));
  }

  /** Moves columns into the result's column space (drops columns the join left out). */
  private FloatMatrix remap(FloatMatrix m) {
    if (colMap == null) {
      return m;
    }
    int rows = m.rows();
    if (!m.sparse()) {
      float[] out = new float[rows * resultCols];
      float[] in = m.data();
      int cols = m.cols();
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          int c = colMap[j];
          if (c >= 0) {
            out[i * resultCols + c] = in[i * cols + j];
          }
        }
      }
      return FloatMatrix.dense(rows, resultCols, out);
    }
    int[] p = m.indptr();
    int[] idx = new int[m.data().length];
    float[] data = new float[idx.length];
    int[] ptr = new int[rows + 1];
    int n = 0;
    long[] buf = new long[0];
    for (int i = 0; i < rows; i++) {
      int rowStart = n;
      boolean sorted = true;
      for (int k = p[i]; k < p[i + 1]; k++) {
        int c = colMap[m.indices()[k]];
        if (c >= 0) {
          if (n > rowStart && c < idx[n - 1]) {
            sorted = false;
          }
          idx[n] = c;
          data[n++] = m.data()[k];
        }
      }
      if (!sorted) {
        buf = sortRow(idx, data, rowStart, n, buf);
      }
      ptr[i + 1] = n;
    }
    return FloatMatrix.csr(rows, resultCols, ptr, Arrays.copyOf(idx, n), Arrays.copyOf(data, n));
  }

  private static long[] sortRow(int[] idx, float[] data, int from, int to, long[] buf) {
    int len = to - from;
    if (buf.length < len) {
      buf = new long[len];
    }
    for (int k = 0; k < len; k++) {
      buf[k] =
          ((long) idx[from + k] << 32) | (Float.floatToRawIntBits(data[from + k]) & 0xffffffffL);
    }
    Arrays.sort(buf, 0, len);
    for (int k = 0; k < len; k++) {
      idx[from + k] = (int) (buf[k] >>> 32);
      data[from + k] = Float.intBitsToFloat((int) buf[k]);
    }
    return buf;
  }
}
