import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jooq.impl.DSL;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.features.PyFormat;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Record;
import org.lamindb.model.ULabel;
import org.lamindb.query.Include;
import org.lamindb.query.support.BulkLoader;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.FieldType;
import org.lamindb.testing.Backend;

/**
 * P4: N artifacts with 3 features each (gc_content float, experiment_date date, design_sample cat[Record[Sample]]),
 * {@code filter("gc_content__gt", x).count()} and the first page {@code limit(50).toDataFrame(Include.FEATURES)}
 * against equivalent hand-written SQL over plain JDBC in the same run. P5: describe() of one artifact with 20 features
 * and 10 labels on that instance. Usage: FeatureBench [artifacts] [sqlite|postgres|both].
 */
public final class FeatureBench {
  static final int SAMPLES = 100;
  static final int DATES = 365;

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String which = args.length > 1 ? args[1] : "both";
    System.out.println("java: " + System.getProperty("java.runtime.version") + ", heap max "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    if (!which.equals("postgres")) {
      run(Backend.SQLITE, n);
    }
    if (!which.equals("sqlite")) {
      run(Backend.POSTGRES, n);
    }
  }

  static void run(Backend backend, int n) throws Exception {
    Path tmp = Files.createTempDirectory("featurebench");
    try (LaminDB ln = backend.newInstance(tmp)) {
      Instance inst = Access.instance(ln);
      System.out.println();
      System.out.println("== " + backend + ": " + (inst.db().dialect() == Dialect.SQLITE
          ? "SQLite " + inst.db().dsl().fetchValue("select sqlite_version()")
          : inst.db().dsl().fetchValue("select version()")));
      long t0 = System.nanoTime();
      Feature gc = ln.feature("gc_content", Dtype.FLOAT).save();
      Feature date = ln.feature("experiment_date", Dtype.DATE).coerce(true).save();
      Record sample = ln.record("Sample").isType(true).save();
      List<Long> sampleIds = new ArrayList<>();
      for (int i = 0; i < SAMPLES; i++) {
        sampleIds.add(ln.record("sample_" + i).type(sample).save().id());
      }
      Feature design = ln.feature("design_sample", Dtype.of(sample)).save();
      load(ln, n, gc, date, design, sampleIds);
      inst.db().dsl().execute("ANALYZE");
      System.out.printf("load: %,d artifacts, %,d json links, %,d record links in %.1f s%n",
          n, 2L * n, (long) n, (System.nanoTime() - t0) / 1e9);

      Random r = new Random(3);
      int reps = 30;
      long[] oc = new long[reps];
      long[] sc = new long[reps];
      long[] op = new long[reps];
      long[] sp = new long[reps];
      for (int i = -5; i < reps; i++) {
        double x = 0.9 + r.nextInt(90) / 1000.0; // selective: ~1-10 % of rows
        long s = System.nanoTime();
        long c1 = ln.artifacts().filter("gc_content__gt", x).count();
        long d1 = System.nanoTime() - s;
        s = System.nanoTime();
        long c2 = sqlCount(inst, gc.id(), x);
        long d2 = System.nanoTime() - s;
        if (c1 != c2) {
          throw new IllegalStateException("count mismatch " + c1 + " vs " + c2);
        }
        s = System.nanoTime();
        var t = ln.artifacts().filter("gc_content__gt", x).limit(50).toDataFrame(Include.FEATURES);
        long d3 = System.nanoTime() - s;
        s = System.nanoTime();
        int rows = sqlPage(inst, gc.id(), x, design.id());
        long d4 = System.nanoTime() - s;
        if (rows != t.rowCount() || t.columnCount() != 6) {
          throw new IllegalStateException("page mismatch " + t.rowCount() + " vs " + rows + " " + t.columnNames());
        }
        if (i >= 0) {
          oc[i] = d1;
          sc[i] = d2;
          op[i] = d3;
          sp[i] = d4;
        }
      }
      report("P4 filter(gc_content__gt).count()", oc, sc);
      report("P4 filter(gc_content__gt).limit(50).toDataFrame(Include.FEATURES)", op, sp);

      // P5: one artifact with 20 features and 10 labels
      Artifact a = ln.artifacts().get("key", key(n / 2));
      Map<String, Object> more = new HashMap<>();
      for (int i = 0; i < 17; i++) {
        ln.feature("extra_" + i, i % 2 == 0 ? Dtype.INT : Dtype.STR).save();
        more.put("extra_" + i, i % 2 == 0 ? (Object) (long) i : "value " + i);
      }
      a.features().addValues(more);
      for (int i = 0; i < 10; i++) {
        ULabel l = ln.ulabel("label_" + i).save();
        a.ulabels().add(l);
      }
      String text = a.describeText();
      if (!text.contains("extra_16") || !text.contains("label_9") || !text.contains("design_sample")) {
        throw new IllegalStateException("describe misses values:\n" + text);
      }
      long[] dd = new long[50];
      for (int i = -10; i < dd.length; i++) {
        long s = System.nanoTime();
        ln.artifacts().get(a.uid()).describeText();
        if (i >= 0) {
          dd[i] = System.nanoTime() - s;
        }
      }
      Arrays.sort(dd);
      System.out.printf("P5 describe() (get by uid + render, 20 features, 10 labels): median %.2f ms, p90 %.2f ms%n",
          dd[dd.length / 2] / 1e6, dd[dd.length * 9 / 10] / 1e6);
      System.out.println(text);
    }
  }

  static String key(int i) {
    return "data/batch" + (i % 997) + "/file_" + i + ".fasta";
  }

  static void load(LaminDB ln, int n, Feature gc, Feature date, Feature design, List<Long> sampleIds) {
    Instance inst = Access.instance(ln);
    // one JsonValue per date (shared), one per distinct gc value
    Map<String, Long> dateValue = new HashMap<>();
    List<Map<String, Object>> dv = new ArrayList<>();
    for (int d = 0; d < DATES; d++) {
      String iso = LocalDate.of(2025, 1, 1).plusDays(d).toString();
      dv.add(jsonRow(inst, date, iso));
    }
    insertJson(inst, dv);
    for (var rec : inst.db().dsl().select(RecordStore.col("id"), RecordStore.col("hash"))
        .from(DSL.table(DSL.name("lamindb_jsonvalue"))).where(RecordStore.col("feature_id").eq(date.id())).fetch()) {
      dateValue.put((String) rec.get(1), ((Number) rec.get(0)).longValue());
    }
    Random r = new Random(7);
    int chunk = 20_000;
    for (int start = 0; start < n; start += chunk) {
      int end = Math.min(n, start + chunk);
      List<Map<String, Object>> rows = new ArrayList<>(end - start);
      List<Map<String, Object>> gcRows = new ArrayList<>(end - start);
      List<String> gcHashes = new ArrayList<>();
      for (int i = start; i < end; i++) {
        Map<String, Object> m = new HashMap<>();
        m.put("key", key(i));
        m.put("suffix", ".fasta");
        m.put("size", (long) r.nextInt(1_000_000));
        m.put("hash", "h" + i);
        m.put("kind", "dataset");
        rows.add(m);
        double v = i / (double) n; // distinct per artifact, uniform in [0, 1)
        Map<String, Object> j = jsonRow(inst, gc, v);
        gcRows.add(j);
        gcHashes.add((String) j.get("hash"));
      }
      List<String> uids = BulkLoader.insert(ln, CoreRegistries.ARTIFACT, rows);
      Map<String, Long> ids = BulkLoader.ids(ln, CoreRegistries.ARTIFACT, uids);
      insertJson(inst, gcRows);
      Map<String, Long> gcIds = new HashMap<>();
      for (int s = 0; s < gcHashes.size(); s += 1000) {
        for (var rec : inst.db().dsl().select(RecordStore.col("id"), RecordStore.col("hash"))
            .from(DSL.table(DSL.name("lamindb_jsonvalue"))).where(RecordStore.col("feature_id").eq(gc.id()))
            .and(RecordStore.col("hash").in(new ArrayList<Object>(gcHashes.subList(s, Math.min(gcHashes.size(), s + 1000)))))
            .fetch()) {
          gcIds.put((String) rec.get(1), ((Number) rec.get(0)).longValue());
        }
      }
      List<Object[]> jl = new ArrayList<>();
      List<Object[]> rl = new ArrayList<>();
      for (int k = 0; k < uids.size(); k++) {
        int i = start + k;
        long id = ids.get(uids.get(k));
        jl.add(new Object[] {id, gcIds.get(gcHashes.get(k))});
        String iso = LocalDate.of(2025, 1, 1).plusDays(i % DATES).toString();
        jl.add(new Object[] {id, dateValue.get(PyFormat.jsonValueHash(iso))});
        rl.add(new Object[] {id, sampleIds.get(i % SAMPLES), design.id(), inst.userId()});
      }
      batch(inst, "INSERT INTO lamindb_artifactjsonvalue (artifact_id, jsonvalue_id) VALUES (?, ?)", jl);
      batch(inst, "INSERT INTO lamindb_artifactrecord (artifact_id, record_id, feature_id, created_by_id) "
          + "VALUES (?, ?, ?, ?)", rl);
    }
  }

  static Map<String, Object> jsonRow(Instance inst, Feature f, Object value) {
    Map<String, Object> m = new HashMap<>();
    m.put("feature_id", f.id());
    m.put("value", value);
    m.put("hash", PyFormat.jsonValueHash(value));
    return m;
  }

  static void insertJson(Instance inst, List<Map<String, Object>> rows) {
    List<Object[]> b = new ArrayList<>();
    for (Map<String, Object> m : rows) {
      b.add(new Object[] {m.get("feature_id"), inst.db().toSql(FieldType.JSON, m.get("value")), m.get("hash"),
          inst.userId()});
    }
    String cast = inst.db().dialect() == Dialect.POSTGRES ? "CAST(? AS jsonb)" : "?";
    batch(inst, "INSERT INTO lamindb_jsonvalue (feature_id, value, hash, created_by_id) VALUES (?, " + cast
        + ", ?, ?)", b);
  }

  static void batch(Instance inst, String sql, List<Object[]> rows) {
    try (Connection c = inst.db().connection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            ps.setObject(i + 1, v instanceof org.jooq.JSONB j ? j.data() : v);
          }
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String where(Instance inst) {
    boolean pg = inst.db().dialect() == Dialect.POSTGRES;
    String cmp = pg ? "v.value > CAST(? AS jsonb)" : "CAST(v.value AS REAL) > ?";
    return " WHERE a.id IN (SELECT l.artifact_id FROM lamindb_artifactjsonvalue l WHERE l.jsonvalue_id IN "
        + "(SELECT v.id FROM lamindb_jsonvalue v WHERE v.feature_id = ? AND " + cmp + "))"
        + " AND a.branch_id = 1 AND (a.kind IS NULL OR a.kind NOT LIKE '\\_\\_lamindb%' ESCAPE '\\')";
  }

  static void bind(Instance inst, PreparedStatement ps, long feature, double x) throws Exception {
    ps.setLong(1, feature);
    if (inst.db().dialect() == Dialect.POSTGRES) {
      ps.setString(2, Double.toString(x));
    } else {
      ps.setDouble(2, x);
    }
  }

  static long sqlCount(Instance inst, long feature, double x) throws Exception {
    try (Connection c = inst.db().connection();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM lamindb_artifact a" + where(inst))) {
      bind(inst, ps, feature, x);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The page by hand: 50 newest matching artifacts, then their JSON values and sample names in two queries. */
  static int sqlPage(Instance inst, long feature, double x, long design) throws Exception {
    List<Long> ids = new ArrayList<>();
    Map<Long, Map<Long, Object>> cells = new HashMap<>();
    try (Connection c = inst.db().connection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT a.id, a.uid, a.key FROM lamindb_artifact a" + where(inst) + " ORDER BY a.id DESC LIMIT 50")) {
        bind(inst, ps, feature, x);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            rs.getString(2);
            rs.getString(3);
          }
        }
      }
      if (ids.isEmpty()) {
        return 0;
      }
      String in = String.join(",", ids.stream().map(i -> "?").toList());
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT l.artifact_id, v.feature_id, v.value FROM lamindb_artifactjsonvalue l JOIN lamindb_jsonvalue v "
              + "ON v.id = l.jsonvalue_id WHERE l.artifact_id IN (" + in + ")")) {
        for (int i = 0; i < ids.size(); i++) {
          ps.setLong(i + 1, ids.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            cells.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getString(3));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT l.artifact_id, r.name FROM lamindb_artifactrecord l JOIN lamindb_record r ON r.id = l.record_id "
              + "WHERE l.feature_id = ? AND l.artifact_id IN (" + in + ")")) {
        ps.setLong(1, design);
        for (int i = 0; i < ids.size(); i++) {
          ps.setLong(i + 2, ids.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            cells.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(design, rs.getString(2));
          }
        }
      }
    }
    return ids.size();
  }

  static void report(String what, long[] ours, long[] sql) {
    Arrays.sort(ours);
    Arrays.sort(sql);
    double o = ours[ours.length / 2] / 1e6;
    double s = sql[sql.length / 2] / 1e6;
    System.out.printf("%s: ours median %.2f ms, hand-written SQL median %.2f ms, ratio %.2f%n", what, o, s, o / s);
  }
}
