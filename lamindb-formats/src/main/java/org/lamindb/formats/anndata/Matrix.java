package org.lamindb.formats.anndata;

/**
 * A two-dimensional AnnData matrix: X, a layer, an obsm/varm/obsp/varp entry. Either a {@link
 * DenseMatrix} (flat, row-major) or a {@link SparseMatrix} (CSR or CSC).
 *
 * <pre>{@code
 * Matrix x = adata.x();
 * long[] shape = x.shape();          // {n_obs, n_vars}
 * double v = x.get(0, 3);
 * Matrix first100 = x.rows(0, 100);  // copy of rows [0, 100)
 * }</pre>
 */
public interface Matrix {

  /**
   * @return {@code {rows, columns}}
   */
  long[] shape();

  /**
   * @return number of rows
   */
  default int nRows() {
    return (int) shape()[0];
  }

  /**
   * @return number of columns
   */
  default int nCols() {
    return (int) shape()[1];
  }

  /**
   * @return the element type of the stored values
   */
  DType dtype();

  /**
   * @return element (i, j) as a double (0 for entries a sparse matrix does not store)
   */
  double get(int i, int j);

  /**
   * @param from first row (inclusive)
   * @param to last row (exclusive)
   * @return a matrix holding rows {@code [from, to)} in the same layout
   */
  Matrix rows(int from, int to);

  /**
   * @return the matrix as a dense row-major {@code double[][]} (for small matrices and tests)
   */
  default double[][] toArray() {
    double[][] out = new double[nRows()][nCols()];
    for (int i = 0; i < out.length; i++) {
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = get(i, j);
      }
    }
    return out;
  }
}
