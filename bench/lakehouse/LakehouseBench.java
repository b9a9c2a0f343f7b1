import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.model.Dtype;
import org.lamindb.query.TableAccessor;
import org.lamindb.query.TableCursor;
import org.lamindb.storage.s3.S3ProxyFixture;
import org.lamindb.testing.Backend;

/**
 * bench/lakehouse (issue 17, P8): N generated Parquet artifacts (10k rows x 8 columns) in one collection.
 * (a) GROUP BY through collection.open().sql vs DuckDB read_parquet([...paths]) directly; (b) time to the first
 * batch of a streaming scan; (c) a feature filter selecting 1% of the artifacts vs the unfiltered DuckDB scan;
 * (d) the query on S3Proxy with ranged reads (bytes fetched vs total size). Args: work-dir N S3-N.
 */
public class LakehouseBench {
  static final String AGG = "SELECT g, count(*) AS n, avg(x) AS mean_x FROM data GROUP BY g ORDER BY g";

  public static void main(String[] args) {
    int status = 0;
    try {
      run(args);
    } catch (Throwable t) {
      t.printStackTrace();
      status = 1;
    } finally {
      // S3Proxy's Jetty threads are not daemons: without this an exception left the JVM running
      try {
        S3ProxyFixture.stop();
      } catch (Exception ignored) {
        // reporting the first failure
      }
    }
    System.exit(status);
  }

  static void run(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int s3n = Integer.parseInt(args[2]);
    LaminDB ln = LaminSetup.fromEnvironment()
        .init(InitOptions.storage(work.resolve("data").toString()).name("lake-bench"));
    long t0 = System.nanoTime();
    Path dir = generate(work.resolve("files"), n);
    long genMs = ms(t0);
    t0 = System.nanoTime();
    List<Artifact> arts = ln.saveFiles(dir, "bench/lake");
    long saveMs = ms(t0);
    t0 = System.nanoTime();
    ln.feature("tissue", Dtype.STR).save();
    int selected = Math.max(1, n / 100);
    for (int i = 0; i < arts.size(); i++) {
      arts.get(i).features().addValues(Map.of("tissue", i < selected ? "lung" : "blood"));
    }
    long annotateMs = ms(t0);
    t0 = System.nanoTime();
    Collection c = ln.collection(arts).key("bench/lake").save();
    long collMs = ms(t0);
    System.out.printf("setup: %d artifacts (%d rows each, 8 columns), generate %d ms, saveFiles %d ms,"
        + " annotate %d ms, collection %d ms%n", arts.size(), 10_000, genMs, saveMs, annotateMs, collMs);
    List<String> paths = new ArrayList<>();
    List<String> lungPaths = new ArrayList<>();
    for (int i = 0; i < arts.size(); i++) {
      String p = arts.get(i).cache().toString();
      paths.add(p);
      if (i < selected) {
        lungPaths.add(p);
      }
    }
    String direct = directSql(paths);

    // (a) the first open reads every footer (cached by content hash afterwards): reported apart
    t0 = System.nanoTime();
    String r1;
    try (TableAccessor t = c.open()) {
      r1 = csv(t.sql(AGG));
    }
    long cold = ms(t0);
    String r2 = duckdb(direct);
    int reps = 5;
    long[] lamin = new long[reps];
    long[] duck = new long[reps];
    for (int rep = 0; rep < reps; rep++) {
      for (int which = 0; which < 2; which++) {
        boolean ours = (rep + which) % 2 == 0; // alternate which runs first
        t0 = System.nanoTime();
        if (ours) {
          try (TableAccessor t = c.open()) {
            r1 = csv(t.sql(AGG));
          }
          lamin[rep] = ms(t0);
        } else {
          r2 = duckdb(direct);
          duck[rep] = ms(t0);
        }
      }
    }
    System.out.printf("(a) GROUP BY over %d artifacts: collection.open().sql cold %d ms (reads %d footers), warm %s ms;"
        + " DuckDB read_parquet([...]) %s ms; ratio best %.2f, median %.2f (goal <= 1.2)%s%n", n, cold, n,
        list(lamin), list(duck), (double) min(lamin) / min(duck), (double) median(lamin) / median(duck),
        r1.equals(r2) ? ", results equal" : "  RESULTS DIFFER");

    // (b)
    for (int rep = 0; rep < 2; rep++) {
      t0 = System.nanoTime();
      try (TableAccessor t = c.open(); TableCursor cur = t.sqlStream("SELECT * FROM data", 8192)) {
        cur.hasNext();
        int rows = cur.next().rowCount();
        System.out.printf("(b) first batch of a streaming scan (%d rows): %d ms (goal <= 2000)%n", rows, ms(t0));
      }
    }

    // (c)
    long[] filtered = new long[3];
    String explain = null;
    String lungResult = null;
    for (int rep = 0; rep < 3; rep++) {
      t0 = System.nanoTime();
      try (TableAccessor t = c.open(); TableAccessor lung = t.filterArtifacts("tissue", "lung")) {
        lungResult = csv(lung.sql(AGG));
        filtered[rep] = ms(t0);
        explain = lung.explain(AGG).lines().filter(l -> l.startsWith("registry:")).findFirst().orElse("");
      }
    }
    String check = duckdb(directSql(lungPaths));
    System.out.printf("(c) feature filter tissue = lung (%d of %d artifacts): %s ms vs unfiltered DuckDB scan"
        + " %d ms (best), ratio %.3f (goal <= 0.1); %s%s%n", selected, n, list(filtered), min(duck),
        (double) min(filtered) / min(duck), explain, check.equals(lungResult) ? ", results equal" : "  RESULTS DIFFER");
    ln.close();
    if (s3n > 0) {
      s3(work, dir, s3n);
    }
  }

  static void s3(Path work, Path dir, int s3n) throws Exception {
    String root = "s3://" + S3ProxyFixture.BUCKET + "/bench?endpoint_url=" + S3ProxyFixture.endpoint();
    Path sub = Files.createDirectories(work.resolve("s3files"));
    List<String> localPaths = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path p : files.sorted().limit(s3n).toList()) {
        Files.createSymbolicLink(sub.resolve(p.getFileName()), p.toAbsolutePath());
        localPaths.add(p.toAbsolutePath().toString());
      }
    }
    try (LaminDB s3 = Backend.setup(work.resolve("s3home")).init(Backend.POSTGRES.options(root, "lake-s3"))) {
      long t0 = System.nanoTime();
      List<Artifact> arts = s3.saveFiles(sub, "bench/s3");
      long up = ms(t0);
      s3.feature("tissue", Dtype.STR).save();
      int selected = Math.max(1, arts.size() / 100);
      for (int i = 0; i < arts.size(); i++) {
        arts.get(i).features().addValues(Map.of("tissue", i < selected ? "lung" : "blood"));
      }
      Collection c = s3.collection(arts).key("bench/s3").save();
      String local = duckdb(directSql(localPaths));
      System.out.printf("(d) S3Proxy: %d artifacts uploaded in %d ms%n", arts.size(), up);
      for (int rep = 0; rep < 2; rep++) {
        t0 = System.nanoTime();
        try (TableAccessor t = c.open()) {
          String r = csv(t.sql(AGG));
          long q = ms(t0);
          System.out.printf("(d-a) GROUP BY %s: %d ms, %s%s%n", rep == 0 ? "cold" : "warm", q, staged(t, AGG),
              r.equals(local) ? "" : "  RESULTS DIFFER");
        }
      }
      t0 = System.nanoTime();
      try (TableAccessor t = c.open(); TableCursor cur = t.sqlStream("SELECT * FROM data", 8192)) {
        cur.hasNext();
        int rows = cur.next().rowCount();
        System.out.printf("(d-b) first batch of a streaming scan (%d rows): %d ms; %s%n", rows, ms(t0),
            staged(t, "SELECT * FROM data"));
      }
      t0 = System.nanoTime();
      try (TableAccessor t = c.open(); TableAccessor lung = t.filterArtifacts("tissue", "lung")) {
        lung.sql(AGG);
        System.out.printf("(d-c) feature filter tissue = lung (%d of %d artifacts): %d ms; %s%n", selected,
            arts.size(), ms(t0), staged(lung, AGG));
      }
      // a fresh cache: a WHERE whose footer statistics rule out all but 2 files' row groups
      String where = "SELECT count(*) AS n, sum(y) AS sy FROM data WHERE id BETWEEN 5000 AND 15000";
      try (LaminDB again = LaminSetup.at(work.resolve("s3home").resolve("home"),
          Map.of("LAMIN_CACHE_DIR", work.resolve("s3cache2").toString())).connect()) {
        Collection c2 = again.collections().get(c.uid());
        t0 = System.nanoTime();
        try (TableAccessor t = c2.open()) {
          t.sql(where);
          System.out.printf("(d-w) %s: %d ms; %s%n", where, ms(t0), staged(t, where));
        }
      }
    }
  }

  static String staged(TableAccessor t, String sql) {
    String e = t.explain(sql);
    Matcher m = Pattern.compile("staged: (\\d+) of (\\d+) bytes").matcher(e);
    if (!m.find()) {
      return "no staging line in explain()";
    }
    long fetched = Long.parseLong(m.group(1));
    long total = Long.parseLong(m.group(2));
    Matcher g = Pattern.compile("row groups: [^\\n]*").matcher(e);
    return String.format("fetched %d of %d bytes (%.1f%%)%s", fetched, total, 100.0 * fetched / total,
        g.find() ? "; " + g.group() : "");
  }

  static Path generate(Path dir, int n) throws Exception {
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT i // 10000 AS part, i AS id, (i % 16)::INTEGER AS g, random() AS x,"
          + " (i % 1000) * 0.5 AS y, (i % 97)::INTEGER AS k, i % 3 = 0 AS flag, 's' || (i % 100) AS s,"
          + " DATE '2026-01-01' + ((i % 365)::INTEGER) AS d FROM range(" + (n * 10_000L) + ") t(i)) TO '"
          + dir + "' (FORMAT parquet, PARTITION_BY (part), FILENAME_PATTERN 'f{i}')");
    }
    // one file per part=<i> folder; flatten to part-<i>.parquet
    Path flat = Files.createDirectories(dir.resolveSibling("flat"));
    try (var parts = Files.list(dir)) {
      for (Path p : parts.toList()) {
        try (var f = Files.list(p)) {
          Path only = f.findFirst().orElseThrow();
          String num = p.getFileName().toString().substring("part=".length());
          Files.move(only, flat.resolve(String.format("part-%05d.parquet", Integer.parseInt(num))));
        }
      }
    }
    return flat;
  }

  static String directSql(List<String> paths) {
    StringBuilder sb = new StringBuilder("SELECT g, count(*) AS n, avg(x) AS mean_x FROM read_parquet([");
    for (int i = 0; i < paths.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('\'').append(paths.get(i).replace("'", "''")).append('\'');
    }
    return sb.append("]) GROUP BY g ORDER BY g").toString();
  }

  static String duckdb(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      StringBuilder sb = new StringBuilder();
      while (rs.next()) {
        sb.append(rs.getInt(1)).append(',').append(rs.getLong(2)).append('\n');
      }
      return sb.toString();
    }
  }

  static String csv(tech.tablesaw.api.Table t) {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < t.rowCount(); r++) {
      sb.append(((Number) t.column(0).get(r)).intValue()).append(',')
          .append(((Number) t.column(1).get(r)).longValue()).append('\n');
    }
    return sb.toString();
  }

  static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  static long min(long[] a) {
    return java.util.Arrays.stream(a).min().orElse(0);
  }

  static long median(long[] a) {
    long[] b = a.clone();
    java.util.Arrays.sort(b);
    return b[b.length / 2];
  }

  static String list(long[] a) {
    return java.util.Arrays.toString(a);
  }
}
