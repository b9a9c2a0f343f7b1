import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Record;
import org.lamindb.model.ULabel;
import org.lamindb.ui.UiServer;

/**
 * lamin ui speed: an instance (SQLite or PostgreSQL) with N artifacts (4 suffixes, each linked to
 * one of 20 labels) and M records made by bulk INSERT ... SELECT from template rows, plus a
 * 500-node lineage (one run reading one artifact, writing 498) and a sheet schema of two features;
 * then the first list page once (it computes the facet counts), and p50/p95 of the list, search,
 * filter, facet, artifact, lineage and sheet pages over HTTP (loopback, so client time is server
 * time), each with the load average when it was measured.
 * Args: sqlite|postgres artifacts records requests-per-page [postgres admin URL].
 */
public class UiBench {
  static boolean pg;

  public static void main(String[] args) throws Exception {
    pg = args[0].equals("postgres");
    int nArt = Integer.parseInt(args[1]);
    int nRec = Integer.parseInt(args[2]);
    int reps = Integer.parseInt(args[3]);
    Path tmp = Files.createTempDirectory("uibench");
    LaminSetup setup =
        LaminSetup.at(tmp.resolve("home"), Map.of("LAMIN_CACHE_DIR", tmp.resolve("cache").toString()));
    InitOptions o = InitOptions.storage(tmp.resolve("data").toString()).name("bench");
    String jdbc = "jdbc:sqlite:" + tmp.resolve("data/.lamindb/lamin.db");
    if (pg) {
      String admin = args.length > 4 ? args[4] : "postgresql://postgres@127.0.0.1:5432/postgres";
      String db = "uibench_" + System.currentTimeMillis();
      try (Connection c = DriverManager.getConnection(jdbcOf(admin));
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + db);
      }
      String url = admin.substring(0, admin.lastIndexOf('/') + 1) + db;
      o = o.db(url);
      jdbc = jdbcOf(url);
    }
    System.out.println("backend: " + (pg ? "postgresql" : "sqlite"));
    try (LaminDB ln = setup.init(o)) {
      List<ULabel> labels = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        labels.add(ln.ulabel("label" + i).save());
      }
      Artifact a = ln.artifact(Files.writeString(tmp.resolve("t.txt"), "template\n")).key("t/t.txt").save();
      a.ulabels().add(labels.get(0));
      Feature nCells = ln.feature("n_cells", Dtype.INT).save();
      Feature tissue = ln.feature("tissue", Dtype.STR).save();
      Record type =
          ln.record("BenchSample").isType(true).schema(ln.schema("bench_sheet", nCells, tissue)).save();
      new Record(ln).name("template").type(type).save().features()
          .setValues(Map.of("n_cells", 12L, "tissue", "lung"));
      Artifact seed = ln.artifact(Files.writeString(tmp.resolve("seed.txt"), "seed\n")).key("lineage/seed.txt").save();
      ln.track(TrackOptions.ofKey("fanout.sh").sourceCode("# split\n"));
      seed.cache();
      Artifact part = ln.artifact(Files.writeString(tmp.resolve("p.txt"), "part\n")).key("lineage/p.txt").save();
      ln.finish();
      long t0 = System.nanoTime();
      try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
        if (!pg) {
          s.execute("PRAGMA busy_timeout=30000");
        }
        String suffix = "CASE i % 4 WHEN 0 THEN '.csv' WHEN 1 THEN '.txt' WHEN 2 THEN '.parquet' ELSE '.h5ad' END";
        bulk(s, "lamindb_artifact", nArt, a.id(), Map.of(
            "uid", pad("b", 15, "'0000'"),
            "key", "'bench/f' || i || " + suffix,
            "suffix", suffix,
            "hash", pad("h", 21, "''")));
        bulk(s, "lamindb_artifactulabel", nArt, linkId(s, a.id()), Map.of(
            "artifact_id", "(" + a.id() + " + i)",
            "ulabel_id", "(" + labels.get(0).id() + " + i % 20)"));
        bulk(s, "lamindb_artifact", 497, part.id(), Map.of(
            "uid", pad("p", 15, "'0000'"),
            "key", "'lineage/p' || i || '.txt'",
            "hash", pad("q", 21, "''")));
        bulk(s, "lamindb_record", nRec, type.id() + 1, Map.of(
            "uid", pad("r", 15, "''"),
            "name", "'rec' || i"));
        if (pg) {
          s.execute("ANALYZE"); // autovacuum would; SQLite instances have no statistics
        }
      }
      System.out.printf("generated %,d artifacts (+ %,d label links) and %,d records in %.1f s%n",
          nArt, nArt, nRec, (System.nanoTime() - t0) / 1e9);
      try (UiServer ui = UiServer.builder(ln).port(0).start()) {
        HttpClient http = HttpClient.newHttpClient();
        long c0 = System.nanoTime();
        get(http, ui.baseUrl() + "/artifacts");
        System.out.printf("%-36s %7.1f ms   (once, load %s)%n", "first list page (facet counts)",
            (System.nanoTime() - c0) / 1e6, load());
        String mid = "" + (a.id() + nArt / 2);
        String someUid = "b" + String.format("%015d", nArt / 3) + "0000";
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("artifact list, first page", "/artifacts");
        pages.put("artifact list, middle page", "/artifacts?before=" + mid);
        pages.put("search q=f4242", "/artifacts?q=f4242");
        pages.put("filter key__startswith", "/artifacts?filter=key__startswith%3Dbench%2Ff12345");
        pages.put("facet label (1/20 of artifacts)", "/artifacts?filter=ulabels__uid%3D" + labels.get(7).uid());
        pages.put("facet suffix=.parquet", "/artifacts?filter=suffix%3D.parquet");
        pages.put("facets label + suffix", "/artifacts?filter=ulabels__uid%3D" + labels.get(3).uid() + "%20suffix%3D.h5ad");
        pages.put("artifact page", "/artifacts/" + someUid);
        pages.put("lineage JSON, 500 nodes", "/lineage/" + seed.uid() + "/graph.json?direction=down");
        pages.put("lineage page, 500 nodes", "/lineage/" + seed.uid() + "?direction=down");
        pages.put("record types", "/records");
        pages.put("sheet of " + nRec + " records", "/records/" + type.uid());
        pages.put("runs list", "/runs");
        for (var p : pages.entrySet()) {
          long[] us = new long[reps];
          String body = "";
          for (int i = 0; i < reps + 3; i++) {
            long s0 = System.nanoTime();
            body = get(http, ui.baseUrl() + p.getValue());
            long d = (System.nanoTime() - s0) / 1000;
            if (i >= 3) {
              us[i - 3] = d;
            }
          }
          Arrays.sort(us);
          String extra = p.getKey().startsWith("lineage JSON")
              ? "  nodes=" + (body.split("\"kind\"", -1).length - 1) : "";
          System.out.printf("%-36s p50 %7.1f ms   p95 %7.1f ms   (%d req, load %s)%s%n", p.getKey(),
              us[reps / 2] / 1000.0, us[(int) Math.ceil(reps * 0.95) - 1] / 1000.0, reps,
              load(), extra);
        }
      }
    }
  }

  static String load() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r =
        http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static String jdbcOf(String url) {
    URI u = URI.create(url);
    String user = u.getUserInfo() == null ? "postgres" : u.getUserInfo().split(":")[0];
    return "jdbc:postgresql://" + u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort()) + u.getPath()
        + "?user=" + user;
  }

  /** {@code prefix} + i zero-padded to {@code width} digits + {@code tail} (an SQL expression). */
  static String pad(String prefix, int width, String tail) {
    return pg
        ? "'" + prefix + "' || lpad(i::text, " + width + ", '0') || " + tail
        : "printf('" + prefix + "%0" + width + "d', i) || " + tail;
  }

  static long linkId(Statement s, long artifactId) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT id FROM lamindb_artifactulabel WHERE artifact_id = " + artifactId)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Copies row {@code templateId} of {@code table} n times with the given column expressions of i. */
  static void bulk(Statement s, String table, int n, long templateId, Map<String, String> exprs)
      throws Exception {
    List<String> cols = new ArrayList<>();
    try (ResultSet rs = s.getConnection().getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        if (!rs.getString("COLUMN_NAME").equals("id")) {
          cols.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    List<String> sel = new ArrayList<>();
    for (String c : cols) {
      sel.add(exprs.getOrDefault(c, "t.\"" + c + "\""));
    }
    String quoted = String.join(", ", cols.stream().map(c -> "\"" + c + "\"").toList());
    String series = pg
        ? "generate_series(1, " + n + ") AS n(i)"
        : "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + n + ") SELECT i FROM n) n";
    s.execute("INSERT INTO " + table + " (" + quoted + ") SELECT " + String.join(", ", sel)
        + " FROM " + series + ", " + table + " t WHERE t.id = " + templateId);
  }
}
