package org.lamindb.ml;

import java.util.Arrays;

/**
 * Rows of a matrix as {@code float}s, either CSR ({@link #indptr()}, {@link #indices()}, {@link
 * #data()}) or dense row-major ({@link #data()} of length rows × cols). The arrays are returned
 * without copying: treat them as read-only.
 */
public final class FloatMatrix {
  private final int rows;
  private final int cols;
  private final int[] indptr;
  private final int[] indices;
  private final float[] data;

  private FloatMatrix(int rows, int cols, int[] indptr, int[] indices, float[] data) {
    this.rows = rows;
    this.cols = cols;
    this.indptr = indptr;
    this.indices = indices;
    this.data = data;
  }

  /**
   * @param rows number of rows
   * @param cols number of columns
   * @param indptr row starts, length rows + 1
   * @param indices column of each value
   * @param data the values
   * @return a CSR matrix over these arrays (not copied)
   */
  public static FloatMatrix csr(int rows, int cols, int[] indptr, int[] indices, float[] data) {
    if (indptr.length != rows + 1 || indices.length != data.length || indptr[rows] != data.length) {
      throw new IllegalArgumentException(
          "inconsistent CSR arrays: rows="
              + rows
              + " indptr="
              + indptr.length
              + " nnz="
              + data.length);
    }
    return new FloatMatrix(rows, cols, indptr, indices, data);
  }

  /**
   * @param rows number of rows
   * @param cols number of columns
   * @param data row-major values, length rows × cols
   * @return a dense matrix over this array (not copied)
   */
  public static FloatMatrix dense(int rows, int cols, float[] data) {
    if ((long) rows * cols != data.length) {
      throw new IllegalArgumentException(
          "dense data has " + data.length + " values, expected " + rows + " x " + cols);
    }
    return new FloatMatrix(rows, cols, null, null, data);
  }

  /**
   * @return whether this matrix is CSR (else dense)
   */
  public boolean sparse() {
    return indptr != null;
  }

  /**
   * @return number of rows
   */
  public int rows() {
    return rows;
  }

  /**
   * @return number of columns
   */
  public int cols() {
    return cols;
  }

  /**
   * @return CSR row starts (length rows + 1), or null when dense
   */
  public int[] indptr() {
    return indptr;
  }

  /**
   * @return CSR column indices, or null when dense
   */
  public int[] indices() {
    return indices;
  }

  /**
   * @return CSR values, or the dense row-major values
   */
  public float[] data() {
    return data;
  }

  /**
   * @return the value at row {@code i}, column {@code j}
   */
  public float get(int i, int j) {
    if (!sparse()) {
      return data[i * cols + j];
    }
    for (int k = indptr[i]; k < indptr[i + 1]; k++) {
      if (indices[k] == j) {
        return data[k];
      }
    }
    return 0f;
  }

  /**
   * @return row {@code i} as a dense array of length cols
   */
  public float[] denseRow(int i) {
    if (!sparse()) {
      return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }
    float[] out = new float[cols];
    for (int k = indptr[i]; k < indptr[i + 1]; k++) {
      out[indices[k]] = data[k];
    }
    return out;
  }

  /**
   * @return the whole matrix as dense row-major values (a copy when sparse)
   */
  public float[] toDense() {
    if (!sparse()) {
      return data;
    }
    float[] out = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int k = indptr[i]; k < indptr[i + 1]; k++) {
        out[i * cols + indices[k]] = data[k];
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return (sparse() ? "CSR " : "dense ")
        + rows
        + " x "
        + cols
        + (sparse() ? " (" + data.length + " stored)" : "");
  }
}
