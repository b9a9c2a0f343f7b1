package org.lamindb.formats.curate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.formats.anndata.Matrix;
import tech.tablesaw.api.Table;

/**
 * Slots of one AnnData (LaminDB's grammar, with an optional prefix such as {@code rna:} or {@code
 * tables:table:}): {@code obs} and {@code var} (Tables without the index column), {@code var.T}
 * (the var index), {@code uns} (a dict) and {@code obsm:<key>} (data frames). From a file only obs
 * and var are read at once; uns and obsm are read on demand; X is never read.
 */
public final class AnnDataSlots {
  private AnnDataSlots() {}

  /**
   * @param a an in-memory AnnData
   * @param prefix slot prefix, e.g. {@code ""} or {@code "rna:"}
   * @param out the slots to add to
   */
  public static void of(AnnData a, String prefix, Map<String, Object> out) {
    out.put(prefix + "obs", withoutIndex(a.obs()));
    out.put(prefix + "var", withoutIndex(a.var()));
    out.put(prefix + "var.T", a.varNames());
    if (a.x() != null) {
      Matrix x = a.x();
      out.put(
          prefix + "X",
          (Supplier<Object>)
              () ->
                  XStats.of(
                      x.nRows(),
                      x.nCols(),
                      x.dtype(),
                      from -> x.rows(from, Math.min(x.nRows(), from + XStats.CHUNK_ROWS))));
    }
    if (prefix.isEmpty()) {
      out.put("uns", a.uns());
      a.obsm()
          .forEach(
              (k, v) -> {
                if (v instanceof Table t) {
                  out.put("obsm:" + k, t);
                }
              });
    }
  }

  /**
   * Reads obs and var of the AnnData at {@code group} of a file or store.
   *
   * @param path an {@code .h5ad}/{@code .h5mu} file or a zarr store
   * @param group the AnnData's group ({@code /}, {@code mod/rna}, {@code tables/table})
   * @param prefix slot prefix
   * @param withUns whether to offer {@code uns} and {@code obsm:<key>} (read on demand)
   * @param out the slots to add to
   */
  public static void of(
      Path path, String group, String prefix, boolean withUns, Map<String, Object> out) {
    List<String> obsm;
    try (AnnDataAccessor acc = AnnData.open(path, group)) {
      out.put(prefix + "obs", withoutIndex(acc.obs()));
      Table var = acc.var();
      out.put(prefix + "var", withoutIndex(var));
      out.put(prefix + "var.T", new ArrayList<>(var.column(0).asStringColumn().asList()));
      obsm = withUns ? acc.obsmKeys() : List.of();
      if (acc.xEncoding() != null) {
        out.put(prefix + "X", xStats(path, group));
      }
    }
    if (withUns) {
      out.put(prefix + "uns", lazy(path, group, AnnDataAccessor::uns));
      for (String k : obsm) {
        out.put(prefix + "obsm:" + k, lazy(path, group, acc -> acc.obsm(k)));
      }
    }
  }

  /**
   * @param t an annotation table (column 0 the index)
   * @return a table of the other columns, sharing the column objects, so that changes (e.g. by
   *     {@code curator.standardize}) reach the AnnData
   */
  public static Table withoutIndex(Table t) {
    List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>(t.columns());
    cols.remove(0);
    return Table.create(t.name(), cols);
  }

  /** X statistics read row chunk by row chunk from the file, when asked for. */
  private static Supplier<Object> xStats(Path path, String group) {
    return () -> {
      try (AnnDataAccessor acc = AnnData.open(path, group)) {
        long[] shape = acc.shape();
        return XStats.of(
            shape[0],
            shape[1],
            acc.xDtype(),
            from -> acc.xRows(from, Math.min(shape[0], from + XStats.CHUNK_ROWS)));
      }
    };
  }

  private static Supplier<Object> lazy(
      Path path, String group, java.util.function.Function<AnnDataAccessor, Object> read) {
    return () -> {
      try (AnnDataAccessor acc = AnnData.open(path, group)) {
        Object v = read.apply(acc);
        return v instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : v;
      }
    };
  }
}
