package org.lamindb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.query.TableAccessor;
import org.lamindb.testing.Backend;

/**
 * SQL over collection members in S3 (S3Proxy) stages only the Parquet footers and the column chunks
 * a query references, by ranged reads, into a sparse copy keyed by the artifact hash: the results
 * equal those of the same files on local storage, and a query over two of four columns fetches
 * fewer bytes than the objects hold.
 */
class S3LakehouseStagingTest {
  @TempDir Path tmp;

  @AfterAll
  static void stopS3Proxy() throws Exception {
    S3ProxyFixture.stop();
  }

  private List<Path> parquetFiles() throws Exception {
    List<Path> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      for (int f = 0; f < 3; f++) {
        Path p = tmp.resolve("part" + f + ".parquet");
        st.execute(
            "COPY (SELECT i + "
                + (f * 100_000)
                + " AS x, i % 7 AS g, repeat('payload-', 8) || i AS s, (i * 0.5)::DOUBLE AS y"
                + " FROM range(60000) t(i)) TO '"
                + p
                + "' (FORMAT parquet, ROW_GROUP_SIZE 10000)");
        out.add(p);
      }
    }
    return out;
  }

  private static String root(String prefix) throws Exception {
    return "s3://"
        + S3ProxyFixture.BUCKET
        + "/"
        + prefix
        + "?endpoint_url="
        + S3ProxyFixture.endpoint();
  }

  private static Collection collection(LaminDB ln, List<Path> files) {
    List<Artifact> members = new ArrayList<>();
    for (Path p : files) {
      members.add(ln.artifact(p).key("lake/" + p.getFileName()).save());
    }
    return ln.collection(members).key("lake/all").save();
  }

  private static long[] staged(TableAccessor t, String sql) {
    Matcher m = Pattern.compile("staged: (\\d+) of (\\d+) bytes").matcher(t.explain(sql));
    assertThat(m.find()).as("explain() reports staged bytes").isTrue();
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
  }

  @Test
  void queriesOverS3MembersEqualLocalAndFetchOnlyTheReferencedColumns() throws Exception {
    List<Path> files = parquetFiles();
    long total = 0;
    for (Path p : files) {
      total += Files.size(p);
    }
    String agg = "SELECT g, count(*) AS n, sum(x) AS sx FROM data GROUP BY g ORDER BY g";
    String rows = "SELECT x, s, y, artifact_uid FROM data WHERE x % 9973 = 0 ORDER BY x";
    String count = "SELECT count(*) AS n FROM data";
    List<String> expected = new ArrayList<>();
    try (LaminDB local = Backend.SQLITE.newInstance(tmp.resolve("local"));
        TableAccessor t = collection(local, files).open()) {
      for (String q : List.of(agg, count, rows)) {
        expected.add(t.sql(q).printAll());
      }
    }
    Path s3tmp = tmp.resolve("s3");
    List<String> hashes = new ArrayList<>();
    try (LaminDB ln =
            Backend.setup(s3tmp)
                .init(Backend.POSTGRES.options(root("staging-" + System.nanoTime()), "s3lake"));
        TableAccessor t = collection(ln, files).open()) {
      assertThat(t.rowCount()).isEqualTo(180_000);
      ln.artifacts().filter("key__startswith", "lake/").list().forEach(a -> hashes.add(a.hash()));
      long[] afterFooters = staged(t, count);
      assertThat(afterFooters[1]).isEqualTo(total);
      assertThat(afterFooters[0]).isPositive().isLessThan(total / 10);

      assertThat(t.sql(agg).printAll()).isEqualTo(expected.get(0));
      assertThat(t.sql(count).printAll()).isEqualTo(expected.get(1));
      long[] afterAgg = staged(t, agg);
      assertThat(afterAgg[0]).as("x and g of 4 columns (s is the widest)").isLessThan(total / 2);

      // a query naming every column stages the rest; results still equal local storage
      String uidsLocal = expected.get(2).replaceAll("[A-Za-z0-9]{20}", "UID");
      assertThat(t.sql(rows).printAll().replaceAll("[A-Za-z0-9]{20}", "UID")).isEqualTo(uidsLocal);
      long[] afterAll = staged(t, rows);
      assertThat(afterAll[0]).isGreaterThan(afterAgg[0]).isLessThanOrEqualTo(total);
    }
    try (Stream<Path> s = Files.list(s3tmp.resolve("cache").resolve(".lamindb-staged"))) {
      List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names.stream().filter(n -> n.endsWith(".parquet"))).hasSize(3);
      assertThat(names.stream().filter(n -> n.endsWith(".ranges"))).hasSize(3);
      // content-addressed: one sparse copy per artifact hash (LaminDB hashes are url-safe base64)
      assertThat(hashes).hasSize(3);
      for (String h : hashes) {
        assertThat(names).anyMatch(n -> n.startsWith(h + "-") && n.endsWith(".parquet"));
      }
    }
  }

  /** Bytes of the x, y, s chunks in row groups whose x range meets x < bound, from the footers. */
  private static long[] rowGroupsAndBytes(List<Path> files, long bound) throws Exception {
    String list =
        files.stream().map(p -> "'" + p + "'").collect(java.util.stream.Collectors.joining(", "));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        var rs =
            st.executeQuery(
                "WITH m AS (SELECT * FROM parquet_metadata(["
                    + list
                    + "])), g AS (SELECT file_name, row_group_id FROM m WHERE path_in_schema = 'x'"
                    + " AND stats_min_value::BIGINT < "
                    + bound
                    + ") SELECT (SELECT count(*) FROM (SELECT DISTINCT file_name, row_group_id FROM"
                    + " m)), (SELECT count(*) FROM g), (SELECT sum(total_compressed_size) FROM m"
                    + " JOIN g USING (file_name, row_group_id))")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }

  @Test
  void aWhereFetchesOnlyTheRowGroupsTheFooterStatisticsAllow() throws Exception {
    List<Path> files = parquetFiles();
    long total = 0;
    for (Path p : files) {
      total += Files.size(p);
    }
    long[] groups = rowGroupsAndBytes(files, 5000);
    assertThat(groups[1]).as("x < 5000 is in one row group of part0").isEqualTo(1);
    String where = "SELECT count(*) AS n, sum(y) AS sy, max(s) AS ms FROM data WHERE x < 5000";
    String between =
        "SELECT count(*) AS n, sum(x) AS sx FROM data WHERE x BETWEEN 100010 AND 100020 OR x = 7";
    String all = "SELECT count(*) AS n, sum(y) AS sy, max(s) AS ms FROM data";
    List<String> expected = new ArrayList<>();
    try (LaminDB local = Backend.SQLITE.newInstance(tmp.resolve("local"));
        TableAccessor t = collection(local, files).open()) {
      for (String q : List.of(where, between, all)) {
        expected.add(t.sql(q).printAll());
      }
      expected.add(t.select("x", "y").filter("x >= 259990").toTable().printAll());
    }
    try (LaminDB ln =
            Backend.setup(tmp.resolve("s3"))
                .init(Backend.POSTGRES.options(root("rowgroups-" + System.nanoTime()), "s3rg"));
        TableAccessor t = collection(ln, files).open()) {
      assertThat(t.sql(where).printAll()).isEqualTo(expected.get(0));
      String explain = t.explain(where);
      assertThat(explain)
          .contains("row groups: " + (groups[0] - 1) + " of " + groups[0] + " left out");
      long[] afterWhere = staged(t, where);
      // the footers (the last 64 KiB of each object) plus the chunks of one row group
      long budget = files.size() * 64L * 1024 + groups[2] + 64 * 1024;
      assertThat(afterWhere[0]).isLessThan(budget).isLessThan(total / 4);

      // OR is not a conjunct: nothing ruled out, results still equal
      assertThat(t.sql(between).printAll()).isEqualTo(expected.get(1));
      assertThat(t.explain(between)).contains("row groups: 0 of " + groups[0] + " left out");
      long[] afterOr = staged(t, between);
      assertThat(afterOr[0]).isGreaterThan(afterWhere[0]);

      // a later query needs the row groups left out before: they are fetched, results equal
      assertThat(t.sql(all).printAll()).isEqualTo(expected.get(2));
      // TableAccessor.filter() pushes its predicate to the staging too
      try (TableAccessor last = t.select("x", "y").filter("x >= 259990")) {
        assertThat(last.toTable().printAll()).isEqualTo(expected.get(3));
        assertThat(last.explain()).contains("row groups: " + (groups[0] - 1) + " of ");
      }
    }
  }
}
