package org.lamindb.formats.anndata.internal;

import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.formats.anndata.Matrix;
import org.lamindb.formats.anndata.SparseMatrix;

/** Reads row ranges of on-disk matrices without loading the whole matrix (CSR and dense). */
public final class Slicer {
  private final ElementReader r;

  /**
   * @param r the element reader (for encodings and messages)
   */
  public Slicer(ElementReader r) {
    this.r = r;
  }

  /**
   * @return {@code {rows, cols}} of a matrix element, from metadata only
   */
  public long[] shape(StoreNode node) {
    String type = r.encodingType(node);
    if (type.equals("csr_matrix") || type.equals("csc_matrix")) {
      return r.sparseShape(r.asGroup(node));
    }
    long[] s = r.asArray(node).shape();
    return s.length == 2 ? s : s.length == 1 ? new long[] {s[0], 1} : new long[] {0, 0};
  }

  /**
   * @return rows {@code [from, to)} of a matrix element
   */
  public Matrix rows(StoreNode node, long from, long to) {
    long[] shape = shape(node);
    if (from < 0 || to < from || to > shape[0]) {
      throw new org.lamindb.InvalidArgumentException(
          "row range [" + from + ", " + to + ") is outside 0.." + shape[0] + " of " + node.path());
    }
    String type = r.encodingType(node);
    long count = to - from;
    if (type.equals("array")) {
      StoreArray a = r.asArray(node);
      DType d = a.dtype();
      if (d == null || d == DType.STRING) {
        throw r.invalid(node, "not a numeric matrix");
      }
      return new DenseMatrix(a.readRows(from, count), d, count, shape[1]);
    }
    if (type.equals("csr_matrix")) {
      StoreGroup g = r.asGroup(node);
      StoreArray data = r.asArray(r.require(g, "data"));
      StoreArray indices = r.asArray(r.require(g, "indices"));
      long[] ptr = ArrayOps.toLongs(r.asArray(r.require(g, "indptr")).readRows(from, count + 1));
      long start = ptr[0];
      long end = ptr[(int) count];
      if (start < 0 || end < start || end > data.shape()[0]) {
        throw r.invalid(node, "indptr points outside data (" + start + ".." + end + ")");
      }
      long[] rebased = new long[ptr.length];
      for (int i = 0; i < ptr.length; i++) {
        rebased[i] = ptr[i] - start;
      }
      try {
        return new SparseMatrix(
            SparseMatrix.Format.CSR,
            data.readRows(start, end - start),
            data.dtype(),
            ArrayOps.toInts(indices.readRows(start, end - start)),
            rebased,
            count,
            shape[1]);
      } catch (IllegalArgumentException e) {
        throw r.invalid(node, "inconsistent sparse matrix: " + e.getMessage());
      }
    }
    // CSC: rows are spread over every column; read the matrix and slice it
    return r.readMatrix(node).rows((int) from, (int) to);
  }
}
