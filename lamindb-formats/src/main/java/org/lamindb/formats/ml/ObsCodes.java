package org.lamindb.formats.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.lamindb.InvalidArgumentException;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.formats.anndata.Matrix;
import org.lamindb.ml.FloatMatrix;
import org.lamindb.ml.MappedOptions;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The obs side of a mapped collection: which rows the filter keeps, and for each obs key the sorted
 * distinct values (labels) and one code per kept row. Codes are computed once per key over all
 * files, so the same value has the same code in every file.
 */
final class ObsCodes {
  private final List<String> uids;
  private final List<Table> tables;
  private final int[][] selected;
  private final MappedOptions opt;
  private final Map<String, List<String>> labels = new ConcurrentHashMap<>();
  private final Map<String, int[]> codes = new ConcurrentHashMap<>();
  private final Map<String, String[]> values = new ConcurrentHashMap<>();

  private final List<AnnDataAccessor> accs;

  private ObsCodes(
      List<String> uids,
      List<Table> tables,
      int[][] selected,
      MappedOptions opt,
      List<AnnDataAccessor> accs) {
    this.accs = accs;
    this.uids = uids;
    this.tables = tables;
    this.selected = selected;
    this.opt = opt;
  }

  static ObsCodes read(List<AnnDataAccessor> accs, List<String> uids, MappedOptions opt) {
    List<Table> tables = new ArrayList<>();
    int[][] selected = new int[accs.size()][];
    for (int f = 0; f < accs.size(); f++) {
      boolean needObs = !opt.obsKeys().isEmpty() || !opt.obsFilter().isEmpty();
      Table t = needObs ? accs.get(f).obs() : null;
      tables.add(t);
      if (!opt.obsFilter().isEmpty()) {
        selected[f] = filter(t, uids.get(f), opt.obsFilter());
      }
    }
    ObsCodes c = new ObsCodes(uids, tables, selected, opt, accs);
    opt.obsKeys().forEach(c::codes);
    return c;
  }

  private static int[] filter(Table t, String uid, Map<String, Set<String>> f) {
    int n = t.rowCount();
    boolean[] keep = new boolean[n];
    Arrays.fill(keep, true);
    for (Map.Entry<String, Set<String>> e : f.entrySet()) {
      Column<?> col = column(t, e.getKey(), uid);
      for (int r = 0; r < n; r++) {
        keep[r] &= !col.isMissing(r) && e.getValue().contains(col.getString(r));
      }
    }
    int count = 0;
    int[] out = new int[n];
    for (int r = 0; r < n; r++) {
      if (keep[r]) {
        out[count++] = r;
      }
    }
    return Arrays.copyOf(out, count);
  }

  private static Column<?> column(Table t, String key, String uid) {
    if (!t.columnNames().contains(key)) {
      throw new InvalidArgumentException(
          "obs column '"
              + key
              + "' is not in artifact "
              + uid
              + "; its obs columns: "
              + t.columnNames().subList(1, t.columnCount()));
    }
    return t.column(key);
  }

  int[][] selected() {
    return selected;
  }

  List<String> labels(String key) {
    codes(key);
    return labels.get(key);
  }

  String value(String key, int global) {
    codes(key);
    return values.get(key)[global];
  }

  int[] codes(String key) {
    int[] c = codes.get(key);
    if (c != null) {
      return c;
    }
    synchronized (this) {
      c = codes.get(key);
      if (c == null) {
        c = encode(key);
      }
      return c;
    }
  }

  private int[] encode(String key) {
    List<String> all = new ArrayList<>();
    for (int f = 0; f < tables.size(); f++) {
      Table t = tables.get(f);
      if (t == null) {
        synchronized (accs.get(f)) {
          t = accs.get(f).obs();
        }
        tables.set(f, t);
      }
      Column<?> col = column(t, key, uids.get(f));
      int[] sel = selected[f];
      int n = sel == null ? t.rowCount() : sel.length;
      for (int k = 0; k < n; k++) {
        int r = sel == null ? k : sel[k];
        all.add(col.isMissing(r) ? null : col.getString(r));
      }
    }
    TreeSet<String> distinct = new TreeSet<>();
    for (String v : all) {
      if (v != null) {
        distinct.add(v);
      }
    }
    List<String> sorted = List.copyOf(distinct);
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      pos.put(sorted.get(i), i);
    }
    int[] c = new int[all.size()];
    for (int i = 0; i < c.length; i++) {
      String v = all.get(i);
      c[i] = v == null ? opt.unknownLabel() : opt.encodeLabels() ? pos.get(v) : asInt(key, v);
    }
    labels.put(key, sorted);
    values.put(key, all.toArray(new String[0]));
    codes.put(key, c);
    return c;
  }

  private static int asInt(String key, String v) {
    try {
      return (int) Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException(
          "obs column '"
              + key
              + "' has the non-numeric value '"
              + v
              + "'; keep encodeLabels(true) to get codes for it");
    }
  }

  static FloatMatrix obsm(AnnDataAccessor a, String key) {
    Object m = a.obsm(key);
    if (!(m instanceof Matrix)) {
      throw new InvalidArgumentException(
          "obsm '"
              + key
              + "' of "
              + a.path()
              + " is a table, not a matrix; only matrices are mapped");
    }
    FloatMatrix f = MappedFile.toFloat((Matrix) m);
    return f.sparse() ? FloatMatrix.dense(f.rows(), f.cols(), f.toDense()) : f;
  }
}
