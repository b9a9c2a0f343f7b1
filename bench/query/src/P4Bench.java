import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Artifact;
import org.lamindb.query.Include;
import org.lamindb.query.support.BulkLoader;
import org.lamindb.spi.Dialect;
import org.lamindb.testing.Backend;

/**
 * Benchmark P4 (DESIGN.md §8): 1,000,000 artifacts, 1,000 ulabels, 100 projects, bulk-loaded through the test
 * bulk path (RecordStore defaults + batched bound inserts). Measures (a) get("key", k) warm latency, (b) a
 * label + size filter count and the first DataFrame page with includes, and (c) the same questions as
 * hand-written SQL over plain JDBC, in the same run. Usage: P4Bench [artifacts] [sqlite|postgres|both].
 */
public final class P4Bench {
  static final int LABELS = 1000;
  static final int PROJECTS = 100;

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String which = args.length > 1 ? args[1] : "both";
    Path reuse = args.length > 2 ? Path.of(args[2]) : null;
    machineInfo();
    if (!which.equals("postgres")) {
      run(Backend.SQLITE, n, reuse);
    }
    if (!which.equals("sqlite")) {
      run(Backend.POSTGRES, n, reuse);
    }
  }

  static void machineInfo() throws Exception {
    System.out.println("== machine");
    System.out.println("nproc: " + Runtime.getRuntime().availableProcessors());
    Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
        .ifPresent(l -> System.out.println("cpu: " + l.substring(l.indexOf(':') + 1).trim()));
    Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
        .ifPresent(l -> System.out.println("mem: " + l.substring(l.indexOf(':') + 1).trim()));
    System.out.println("java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + ", heap max " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    System.out.println("jvm args: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /**
   * @param reuse directory of an instance loaded by an earlier run (printed as "instance dir"), or null to create
   *     and load a new one
   */
  static void run(Backend backend, int n, Path reuse) throws Exception {
    Path tmp = reuse != null ? reuse : Files.createTempDirectory("p4bench");
    try (LaminDB ln = reuse != null ? Backend.setup(tmp).connect("test") : backend.newInstance(tmp)) {
      Instance inst = Access.instance(ln);
      System.out.println();
      System.out.println("== " + backend + ": " + dbVersion(inst));
      System.out.println("instance dir: " + tmp);
      if (reuse == null) {
        long t0 = System.nanoTime();
        load(ln, n);
        analyze(inst);
        System.out.printf("load: %,d artifacts + %,d label links + %,d project links in %.1f s%n",
            n, n, n / 10, (System.nanoTime() - t0) / 1e9);
      } else {
        System.out.printf("reusing the loaded instance (%,d artifacts)%n", ln.artifacts().count());
      }
      Random r = new Random(1);

      // (a) get by key, warm
      for (int i = 0; i < 300; i++) {
        ln.artifacts().get("key", key(r.nextInt(n)));
        jdbcGet(inst, key(r.nextInt(n)));
      }
      int calls = 3000;
      long[] ours = new long[calls];
      long[] sql = new long[calls];
      for (int i = 0; i < calls; i++) {
        String k = key(r.nextInt(n));
        long s = System.nanoTime();
        Artifact a = ln.artifacts().get("key", k);
        ours[i] = System.nanoTime() - s;
        s = System.nanoTime();
        String uid = jdbcGet(inst, k);
        sql[i] = System.nanoTime() - s;
        if (!uid.equals(a.uid())) {
          throw new IllegalStateException("mismatch for " + k);
        }
      }
      report("(a) get(\"key\", k)", ours, sql);

      // (b) label + size count
      long sizeCut = 500_000L;
      int reps = 100;
      long[] oc = new long[reps];
      long[] sc = new long[reps];
      for (int i = -20; i < reps; i++) {
        String label = "label_" + r.nextInt(LABELS);
        // touch the label's rows with both first, so that neither side pays the cold page cache alone
        ln.artifacts().filter("ulabels__name", label).filter("size__gt", sizeCut).count();
        jdbcCount(inst, label, sizeCut);
        long s = System.nanoTime();
        long c1 = ln.artifacts().filter("ulabels__name", label).filter("size__gt", sizeCut).count();
        long d1 = System.nanoTime() - s;
        s = System.nanoTime();
        long c2 = jdbcCount(inst, label, sizeCut);
        long d2 = System.nanoTime() - s;
        if (c1 != c2) {
          throw new IllegalStateException("count mismatch " + c1 + " vs " + c2);
        }
        if (i >= 0) {
          oc[i] = d1;
          sc[i] = d2;
        }
      }
      report("(b) filter(ulabels__name).filter(size__gt).count()", oc, sc);

      long[] od = new long[reps];
      long[] sd = new long[reps];
      for (int i = -20; i < reps; i++) {
        String label = "label_" + r.nextInt(LABELS);
        ln.artifacts().filter("ulabels__name", label).filter("size__gt", sizeCut).limit(20)
            .toDataFrame(Include.fields("created_by__handle", "storage__root", "ulabels__name"));
        jdbcPage(inst, label, sizeCut);
        long s = System.nanoTime();
        var t = ln.artifacts().filter("ulabels__name", label).filter("size__gt", sizeCut).limit(20)
            .toDataFrame(Include.fields("created_by__handle", "storage__root", "ulabels__name"));
        long d1 = System.nanoTime() - s;
        s = System.nanoTime();
        int rows = jdbcPage(inst, label, sizeCut);
        long d2 = System.nanoTime() - s;
        if (rows != t.rowCount()) {
          throw new IllegalStateException("page mismatch " + t.rowCount() + " vs " + rows);
        }
        if (i >= 0) {
          od[i] = d1;
          sd[i] = d2;
        }
      }
      report("(b) first page toDataFrame(Include created_by__handle, storage__root, ulabels__name)", od, sd);
    }
  }

  static String key(int i) {
    return "data/batch" + (i % 997) + "/file_" + i + ".parquet";
  }

  static void load(LaminDB ln, int n) {
    List<Map<String, Object>> labels = new ArrayList<>();
    for (int i = 0; i < LABELS; i++) {
      labels.add(new HashMap<>(Map.of("name", "label_" + i)));
    }
    List<Long> labelIds = new ArrayList<>(BulkLoader.ids(ln, CoreRegistries.ULABEL,
        BulkLoader.insert(ln, CoreRegistries.ULABEL, labels)).values());
    List<Map<String, Object>> projects = new ArrayList<>();
    for (int i = 0; i < PROJECTS; i++) {
      projects.add(new HashMap<>(Map.of("name", "project_" + i)));
    }
    List<Long> projectIds = new ArrayList<>(BulkLoader.ids(ln, CoreRegistries.PROJECT,
        BulkLoader.insert(ln, CoreRegistries.PROJECT, projects)).values());
    Random r = new Random(7);
    OffsetDateTime t0 = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    int chunk = 20_000;
    for (int start = 0; start < n; start += chunk) {
      List<Map<String, Object>> rows = new ArrayList<>(chunk);
      for (int i = start; i < Math.min(n, start + chunk); i++) {
        Map<String, Object> m = new HashMap<>();
        m.put("key", key(i));
        m.put("suffix", ".parquet");
        m.put("size", (long) r.nextInt(1_000_000));
        m.put("hash", "h" + i);
        m.put("kind", "dataset");
        m.put("created_at", t0.plusSeconds(i));
        rows.add(m);
      }
      List<String> uids = BulkLoader.insert(ln, CoreRegistries.ARTIFACT, rows);
      Map<String, Long> ids = BulkLoader.ids(ln, CoreRegistries.ARTIFACT, uids);
      List<long[]> ul = new ArrayList<>(rows.size());
      List<long[]> pl = new ArrayList<>(rows.size() / 10);
      for (int j = 0; j < uids.size(); j++) {
        long id = ids.get(uids.get(j));
        int i = start + j;
        ul.add(new long[] {id, labelIds.get(i % LABELS)});
        if (i % 10 == 0) {
          pl.add(new long[] {id, projectIds.get(i % PROJECTS)});
        }
      }
      BulkLoader.link(ln, CoreRegistries.ARTIFACT, "ulabels", ul);
      BulkLoader.link(ln, CoreRegistries.ARTIFACT, "projects", pl);
    }
  }

  static void analyze(Instance inst) {
    inst.db().dsl().execute("ANALYZE");
  }

  static String dbVersion(Instance inst) {
    return inst.db().dialect() == Dialect.SQLITE
        ? "SQLite " + inst.db().dsl().fetchValue("select sqlite_version()")
        : String.valueOf(inst.db().dsl().fetchValue("select version()"));
  }

  static String jdbcGet(Instance inst, String key) throws Exception {
    String sql = inst.db().dialect() == Dialect.SQLITE
        ? "SELECT * FROM lamindb_artifact WHERE key = ? AND branch_id = 1 AND is_latest = 1 LIMIT 2"
        : "SELECT * FROM lamindb_artifact WHERE key = ? AND branch_id = 1 AND is_latest LIMIT 2";
    try (Connection c = inst.db().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString("uid");
      }
    }
  }

  static long jdbcCount(Instance inst, String label, long size) throws Exception {
    String sql = "SELECT count(DISTINCT a.id) FROM lamindb_artifact a"
        + " JOIN lamindb_artifactulabel l ON l.artifact_id = a.id"
        + " JOIN lamindb_ulabel u ON u.id = l.ulabel_id"
        + " WHERE u.name = ? AND a.size > ? AND a.branch_id = 1";
    try (Connection c = inst.db().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, label);
      ps.setLong(2, size);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static int jdbcPage(Instance inst, String label, long size) throws Exception {
    String agg = inst.db().dialect() == Dialect.SQLITE ? "group_concat(x.name, ', ')" : "string_agg(x.name, ', ')";
    String sql = "SELECT a.uid, a.id, a.key, us.handle, st.root,"
        + " (SELECT " + agg + " FROM lamindb_artifactulabel lx JOIN lamindb_ulabel x ON x.id = lx.ulabel_id"
        + "   WHERE lx.artifact_id = a.id) AS labels"
        + " FROM lamindb_artifact a JOIN lamindb_user us ON us.id = a.created_by_id"
        + " JOIN lamindb_storage st ON st.id = a.storage_id"
        + " WHERE a.branch_id = 1 AND a.size > ? AND EXISTS (SELECT 1 FROM lamindb_artifactulabel l"
        + "   JOIN lamindb_ulabel u ON u.id = l.ulabel_id WHERE l.artifact_id = a.id AND u.name = ?)"
        + " ORDER BY a.id DESC LIMIT 20";
    try (Connection c = inst.db().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, size);
      ps.setString(2, label);
      int rows = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
      return rows;
    }
  }

  static void report(String what, long[] ours, long[] sql) {
    long[] a = ours.clone();
    long[] b = sql.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    double ma = a[a.length / 2] / 1e6;
    double mb = b[b.length / 2] / 1e6;
    double pa = a[(int) (a.length * 0.99)] / 1e6;
    double pb = b[(int) (b.length * 0.99)] / 1e6;
    System.out.printf("%s: lamindb-java median %.3f ms (p99 %.3f) | hand-written JDBC median %.3f ms (p99 %.3f)"
        + " | ratio %.2f (n=%d)%n", what, ma, pa, mb, pb, ma / mb, a.length);
  }
}
