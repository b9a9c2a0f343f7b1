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
import java.util.List;
import java.util.Map;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Artifact;
import org.lamindb.model.Record;
import org.lamindb.ui.UiServer;

/**
 * lamin ui speed: an instance (SQLite) with N artifacts and M records made by bulk INSERT ... SELECT
 * from a template row, then p50/p95 of list, filter, artifact and sheet pages over HTTP (loopback,
 * so client time ≈ server time). Args: artifacts records requests-per-page.
 */
public class UiBench {
  public static void main(String[] args) throws Exception {
    int nArt = Integer.parseInt(args[0]);
    int nRec = Integer.parseInt(args[1]);
    int reps = Integer.parseInt(args[2]);
    Path tmp = Files.createTempDirectory("uibench");
    LaminSetup setup =
        LaminSetup.at(tmp.resolve("home"), Map.of("LAMIN_CACHE_DIR", tmp.resolve("cache").toString()));
    try (LaminDB ln = setup.init(InitOptions.storage(tmp.resolve("data").toString()).name("bench"))) {
      Artifact a = ln.artifact(Files.writeString(tmp.resolve("t.txt"), "template\n")).key("t/t.txt").save();
      Record type = ln.record("BenchSample").isType(true).save();
      new Record(ln).name("template").type(type).save();
      Path db = tmp.resolve("data/.lamindb/lamin.db");
      long t0 = System.nanoTime();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout=30000");
        bulk(s, "lamindb_artifact", nArt, a.id(), Map.of(
            "uid", "printf('b%015d0000', i)",
            "key", "'bench/f' || i || '.txt'",
            "hash", "printf('h%021d', i)"));
        bulk(s, "lamindb_record", nRec, type.id() + 1, Map.of(
            "uid", "printf('r%015d', i)",
            "name", "'rec' || i"));
      }
      System.out.printf("generated %,d artifacts and %,d records in %.1f s (bulk INSERT ... SELECT)%n",
          nArt, nRec, (System.nanoTime() - t0) / 1e9);
      try (UiServer ui = UiServer.builder(ln).port(0).start()) {
        HttpClient http = HttpClient.newHttpClient();
        String mid = "" + (a.id() + nArt / 2);
        String someUid = String.format("b%015d0000", nArt / 3);
        List<String[]> pages = List.of(
            new String[] {"artifact list, first page", "/artifacts"},
            new String[] {"artifact list, middle page", "/artifacts?before=" + mid},
            new String[] {"artifact list, filter key__startswith", "/artifacts?filter=key__startswith%3Dbench%2Ff12345"},
            new String[] {"artifact page", "/artifacts/" + someUid},
            new String[] {"record types", "/records"},
            new String[] {"sheet of " + nRec + " records", "/records/" + type.uid()},
            new String[] {"runs list", "/runs"});
        for (String[] p : pages) {
          long[] ms = new long[reps];
          for (int i = 0; i < reps + 3; i++) {
            long s0 = System.nanoTime();
            HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(ui.baseUrl() + p[1])).build(),
                HttpResponse.BodyHandlers.ofString());
            long d = (System.nanoTime() - s0) / 1000;
            if (r.statusCode() != 200) {
              throw new IllegalStateException(p[1] + " → " + r.statusCode() + " " + r.body());
            }
            if (i >= 3) {
              ms[i - 3] = d;
            }
          }
          Arrays.sort(ms);
          System.out.printf("%-42s p50 %7.1f ms   p95 %7.1f ms   (%d requests)%n", p[0],
              ms[reps / 2] / 1000.0, ms[(int) Math.ceil(reps * 0.95) - 1] / 1000.0, reps);
        }
      }
    }
  }

  /** Copies row {@code templateId} of {@code table} n times with the given column expressions. */
  static void bulk(Statement s, String table, int n, long templateId, Map<String, String> exprs)
      throws Exception {
    List<String> cols = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) {
        if (!rs.getString("name").equals("id")) {
          cols.add(rs.getString("name"));
        }
      }
    }
    List<String> sel = new ArrayList<>();
    for (String c : cols) {
      sel.add(exprs.getOrDefault(c, "t.\"" + c + "\""));
    }
    String quoted = String.join(", ", cols.stream().map(c -> "\"" + c + "\"").toList());
    s.execute("BEGIN");
    s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + n + ") "
        + "INSERT INTO " + table + " (" + quoted + ") SELECT " + String.join(", ", sel)
        + " FROM n, " + table + " t WHERE t.id = " + templateId);
    s.execute("COMMIT");
  }
}
