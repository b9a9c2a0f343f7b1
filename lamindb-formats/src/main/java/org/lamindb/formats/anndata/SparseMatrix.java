package org.lamindb.formats.anndata;

import java.util.Arrays;
import java.util.Objects;
import org.lamindb.formats.anndata.internal.ArrayOps;

/**
 * A compressed sparse matrix in CSR (rows compressed, anndata {@code csr_matrix}) or CSC (columns
 * compressed, {@code csc_matrix}) layout: {@code data} holds the stored values, {@code indices}
 * their column (CSR) or row (CSC) numbers, and {@code indptr} where each compressed row (column)
 * starts in {@code data}.
 *
 * <pre>{@code
 * // [[1, 0], [0, 2]]
 * SparseMatrix m = new SparseMatrix(SparseMatrix.Format.CSR, new float[] {1, 2}, DType.FLOAT32,
 *     new int[] {0, 1}, new long[] {0, 1, 2}, 2, 2);
 * }</pre>
 */
public final class SparseMatrix implements Matrix {

  /** Which axis is compressed. */
  public enum Format {
    /** compressed sparse rows: anndata {@code csr_matrix}. */
    CSR,
    /** compressed sparse columns: anndata {@code csc_matrix}. */
    CSC
  }

  private final Format format;
  private final Object data;
  private final DType dtype;
  private final int[] indices;
  private final long[] indptr;
  private final long rows;
  private final long cols;

  /**
   * @param format CSR or CSC
   * @param data stored values, a Java array matching {@code dtype}
   * @param dtype element type of {@code data}
   * @param indices column (CSR) or row (CSC) index of each stored value
   * @param indptr start of each compressed row (column) in {@code data}, length rows+1 (cols+1)
   * @param rows number of rows
   * @param cols number of columns
   */
  public SparseMatrix(
      Format format, Object data, DType dtype, int[] indices, long[] indptr, long rows, long cols) {
    this.format = Objects.requireNonNull(format, "format");
    this.data = Objects.requireNonNull(data, "data");
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    this.indices = Objects.requireNonNull(indices, "indices");
    this.indptr = Objects.requireNonNull(indptr, "indptr");
    this.rows = rows;
    this.cols = cols;
    long major = format == Format.CSR ? rows : cols;
    int nnz = ArrayOps.length(data);
    if (!dtype.arrayType().isInstance(data)) {
      throw new IllegalArgumentException("data does not match dtype " + dtype);
    }
    if (indices.length != nnz) {
      throw new IllegalArgumentException(
          "indices has " + indices.length + " entries but data has " + nnz);
    }
    if (indptr.length != major + 1) {
      throw new IllegalArgumentException(
          "indptr has "
              + indptr.length
              + " entries, expected "
              + (major + 1)
              + " for "
              + format
              + " "
              + rows
              + "x"
              + cols);
    }
    if (indptr[0] != 0 || indptr[indptr.length - 1] != nnz) {
      throw new IllegalArgumentException(
          "indptr must start at 0 and end at nnz="
              + nnz
              + " (got "
              + indptr[0]
              + ".."
              + indptr[indptr.length - 1]
              + ")");
    }
  }

  /**
   * @return CSR or CSC
   */
  public Format format() {
    return format;
  }

  /**
   * @return the stored values (not copied)
   */
  public Object data() {
    return data;
  }

  /**
   * @return column (CSR) or row (CSC) numbers of the stored values (not copied)
   */
  public int[] indices() {
    return indices;
  }

  /**
   * @return offsets of each compressed row (column) into {@link #data()} (not copied)
   */
  public long[] indptr() {
    return indptr;
  }

  /**
   * @return number of stored values
   */
  public long nnz() {
    return indices.length;
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
    int major = format == Format.CSR ? i : j;
    int minor = format == Format.CSR ? j : i;
    for (long k = indptr[major]; k < indptr[major + 1]; k++) {
      if (indices[(int) k] == minor) {
        return ArrayOps.getDouble(data, dtype, (int) k);
      }
    }
    return 0;
  }

  @Override
  public Matrix rows(int from, int to) {
    Objects.checkFromToIndex(from, to, (int) rows);
    if (format == Format.CSR) {
      int start = (int) indptr[from];
      int end = (int) indptr[to];
      long[] ptr = new long[to - from + 1];
      for (int r = 0; r <= to - from; r++) {
        ptr[r] = indptr[from + r] - start;
      }
      return new SparseMatrix(
          Format.CSR,
          ArrayOps.slice(data, start, end),
          dtype,
          Arrays.copyOfRange(indices, start, end),
          ptr,
          to - from,
          cols);
    }
    int count = 0;
    for (int k = 0; k < indices.length; k++) {
      if (indices[k] >= from && indices[k] < to) {
        count++;
      }
    }
    Object outData = ArrayOps.allocate(dtype, count);
    int[] outIdx = new int[count];
    long[] ptr = new long[(int) cols + 1];
    int n = 0;
    for (int c = 0; c < cols; c++) {
      for (long k = indptr[c]; k < indptr[c + 1]; k++) {
        int r = indices[(int) k];
        if (r >= from && r < to) {
          System.arraycopy(data, (int) k, outData, n, 1);
          outIdx[n++] = r - from;
        }
      }
      ptr[c + 1] = n;
    }
    return new SparseMatrix(Format.CSC, outData, dtype, outIdx, ptr, to - from, cols);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SparseMatrix)) {
      return false;
    }
    SparseMatrix m = (SparseMatrix) o;
    return format == m.format
        && dtype == m.dtype
        && rows == m.rows
        && cols == m.cols
        && Arrays.equals(indices, m.indices)
        && Arrays.equals(indptr, m.indptr)
        && Objects.deepEquals(data, m.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(format, dtype, rows, cols, nnz());
  }

  @Override
  public String toString() {
    return "SparseMatrix[" + format + " " + rows + "x" + cols + " " + dtype + " nnz=" + nnz() + "]";
  }
}
