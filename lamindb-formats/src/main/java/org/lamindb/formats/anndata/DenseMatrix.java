package org.lamindb.formats.anndata;

import java.util.Arrays;
import java.util.Objects;
import org.lamindb.formats.anndata.internal.ArrayOps;

/**
 * A dense matrix stored row-major (C order) in one flat Java array of {@link #dtype()}'s type, e.g.
 * a {@code float[]} of {@code rows * cols} values for float32.
 *
 * <pre>{@code
 * DenseMatrix m = new DenseMatrix(new float[] {1, 2, 3, 4, 5, 6}, DType.FLOAT32, 2, 3);
 * m.get(1, 0); // 4.0
 * }</pre>
 */
public final class DenseMatrix implements Matrix {
  private final Object data;
  private final DType dtype;
  private final long rows;
  private final long cols;

  /**
   * @param data flat row-major values; its Java type must match {@code dtype} (see {@link DType})
   * @param dtype element type
   * @param rows number of rows
   * @param cols number of columns
   */
  public DenseMatrix(Object data, DType dtype, long rows, long cols) {
    this.data = Objects.requireNonNull(data, "data");
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    if (!dtype.arrayType().isInstance(data)) {
      throw new IllegalArgumentException(
          "data is "
              + data.getClass().getSimpleName()
              + " but dtype "
              + dtype
              + " needs "
              + dtype.arrayType().getSimpleName());
    }
    if (rows < 0 || cols < 0 || rows * cols != ArrayOps.length(data)) {
      throw new IllegalArgumentException(
          "shape " + rows + "x" + cols + " does not match " + ArrayOps.length(data) + " values");
    }
    this.rows = rows;
    this.cols = cols;
  }

  /**
   * @return a float64 matrix from rows of doubles (for tests and small data)
   */
  public static DenseMatrix of(double[][] values) {
    int r = values.length;
    int c = r == 0 ? 0 : values[0].length;
    double[] flat = new double[r * c];
    for (int i = 0; i < r; i++) {
      System.arraycopy(values[i], 0, flat, i * c, c);
    }
    return new DenseMatrix(flat, DType.FLOAT64, r, c);
  }

  /**
   * @return the flat row-major values (not copied)
   */
  public Object data() {
    return data;
  }

  @Override
  public DType dtype() {
    return dtype;
  }

  @Override
  public long[] shape() {
    return new long[] {rows, cols};
  }

  @Override
  public double get(int i, int j) {
    Objects.checkIndex(i, (int) rows);
    Objects.checkIndex(j, (int) cols);
    return ArrayOps.getDouble(data, dtype, (int) (i * cols + j));
  }

  @Override
  public DenseMatrix rows(int from, int to) {
    Objects.checkFromToIndex(from, to, (int) rows);
    return new DenseMatrix(
        ArrayOps.slice(data, (int) (from * cols), (int) (to * cols)), dtype, to - from, cols);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DenseMatrix)) {
      return false;
    }
    DenseMatrix m = (DenseMatrix) o;
    return dtype == m.dtype && rows == m.rows && cols == m.cols && Objects.deepEquals(data, m.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dtype, rows, cols);
  }

  @Override
  public String toString() {
    return "DenseMatrix["
        + rows
        + "x"
        + cols
        + " "
        + dtype
        + "]"
        + (rows * cols <= 16 ? preview() : "");
  }

  private String preview() {
    return Arrays.deepToString(new Object[] {data}).replace("[[", "[").replace("]]", "]");
  }
}
