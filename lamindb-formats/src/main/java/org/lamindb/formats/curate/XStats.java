package org.lamindb.formats.curate;

import java.lang.reflect.Array;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.formats.anndata.Matrix;
import org.lamindb.formats.anndata.SparseMatrix;

/**
 * Statistics of X for curation's optional checks (integer counts, non-negative, var count),
 * computed over row chunks so that memory stays bounded by one chunk: {@code dtype}, {@code n_obs},
 * {@code n_vars}, {@code min} (over stored values), {@code integer} (every stored value is a whole
 * number).
 */
public final class XStats {
  /** Rows read per chunk. */
  public static final int CHUNK_ROWS = 10_000;

  private XStats() {}

  /**
   * @param nObs number of rows
   * @param nVars number of columns
   * @param dtype the element type
   * @param rows reads the rows {@code [from, from + CHUNK_ROWS)} (clipped)
   * @return the statistics as a map
   */
  public static Map<String, Object> of(
      long nObs, long nVars, DType dtype, IntFunction<Matrix> rows) {
    double min = Double.POSITIVE_INFINITY;
    boolean integer = true;
    boolean floating = dtype == DType.FLOAT32 || dtype == DType.FLOAT64;
    for (long from = 0; from < nObs; from += CHUNK_ROWS) {
      Matrix m = rows.apply((int) from);
      Object data =
          m instanceof SparseMatrix s ? s.data() : m instanceof DenseMatrix d ? d.data() : null;
      if (data == null || !data.getClass().isArray()) {
        continue;
      }
      int n = Array.getLength(data);
      for (int k = 0; k < n; k++) {
        double v = Array.getDouble(data, k);
        if (v < min) {
          min = v;
        }
        if (floating && integer && v != Math.rint(v)) {
          integer = false;
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dtype", dtype == null ? null : dtype.name().toLowerCase(java.util.Locale.ROOT));
    out.put("n_obs", nObs);
    out.put("n_vars", nVars);
    out.put("min", min == Double.POSITIVE_INFINITY ? null : min);
    out.put("integer", integer);
    return out;
  }
}
