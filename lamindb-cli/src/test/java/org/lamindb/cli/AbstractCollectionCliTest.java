package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.testing.PostgresTestServer;

/**
 * {@code lamin collection create|append}, {@code lamin describe collection}, {@code lamin list
 * collection} and {@code lamin query} through the real launcher, over three real Parquet files of
 * apache/parquet-testing (Impala's alltypes tables, same schema). Expected values are computed here
 * with DuckDB directly over the same files, not by the code under test.
 */
abstract class AbstractCollectionCliTest {
  private static final Pattern COLLECTION =
      Pattern.compile("→ collection uid=(\\w{20}) key=(\\S+) version=(\\w{4}) artifacts=(\\d+)");

  @TempDir Path tmp;
  LaminProcess lamin;
  List<Path> files;

  abstract boolean postgres();

  @BeforeEach
  void setUp() throws Exception {
    Path dir = parquetTesting();
    files =
        List.of(
            dir.resolve("alltypes_plain.parquet"),
            dir.resolve("alltypes_plain.snappy.parquet"),
            dir.resolve("alltypes_dictionary.parquet"));
    lamin = new LaminProcess(tmp.resolve("home"), Map.of());
    var init =
        postgres()
            ? lamin.run(
                "init",
                "--storage",
                tmp.resolve("data").toString(),
                "--db",
                PostgresTestServer.newEmptyDatabase())
            : lamin.run("init", "--storage", tmp.resolve("data").toString());
    assertThat(init.exit()).as(init.err()).isZero();
  }

  private static Path parquetTesting() {
    String env = System.getenv("LAMIN_SHARED_DATA");
    if (env != null && Files.isDirectory(Path.of(env, "formats", "parquet"))) {
      return Path.of(env, "formats", "parquet");
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path dir = p.resolve("shared/data/formats/parquet");
      if (Files.isDirectory(dir)) {
        return dir;
      }
    }
    assumeTrue(false, "shared Parquet files (../shared/data/formats/parquet) not found; skipping");
    return null;
  }

  /** One row of DuckDB's answer over {@code paths}, cells joined by commas. */
  private static List<String> duckdb(String select, List<Path> paths) throws Exception {
    String list = paths.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(select.replace("FROM data", "FROM read_parquet([" + list + "])"))) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cells.add(rs.getString(i));
        }
        rows.add(String.join(",", cells));
      }
    }
    return rows;
  }

  private String save(Path file, String key) throws Exception {
    var r = lamin.run("save", file.toString(), "--key", key);
    assertThat(r.exit()).as(r.err()).isZero();
    Matcher m = Pattern.compile("uid=(\\w{20})").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return m.group(1);
  }

  private static Matcher collectionLine(LaminProcess.Result r) {
    assertThat(r.exit()).as(r.err()).isZero();
    Matcher m = COLLECTION.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return m;
  }

  @Test
  void createAppendDescribeListAndQueryACollection() throws Exception {
    String plain = save(files.get(0), "impala/plain.parquet");
    String snappy = save(files.get(1), "impala/snappy.parquet");
    String dict = save(files.get(2), "impala/dict.parquet");

    // members by key and by uid, in order
    Matcher v0 =
        collectionLine(
            lamin.run(
                "collection",
                "create",
                "impala/all",
                "impala/plain.parquet",
                snappy,
                "--description",
                "Impala alltypes"));
    assertThat(v0.group(2)).isEqualTo("impala/all");
    assertThat(v0.group(3)).isEqualTo("0000");
    assertThat(v0.group(4)).isEqualTo("2");
    String v0uid = v0.group(1);

    Matcher v1 =
        collectionLine(lamin.run("collection", "append", "impala/all", "impala/dict.parquet"));
    assertThat(v1.group(1)).startsWith(v0uid.substring(0, 16)).endsWith("0001");
    assertThat(v1.group(4)).isEqualTo("3");
    String v1uid = v1.group(1);

    var again = lamin.run("collection", "append", "impala/all", dict);
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("✗ ", dict, "already a member of collection " + v1uid);

    // the same member set again: LaminDB returns the existing collection
    var same =
        lamin.run(
            "collection",
            "create",
            "impala/all",
            "impala/plain.parquet",
            snappy,
            "impala/dict.parquet");
    assertThat(collectionLine(same).group(1)).isEqualTo(v1uid);
    assertThat(same.out()).contains("→ returning existing collection with same hash: " + v1uid);

    var list = lamin.run("list", "collection");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out()).contains(v0uid, v1uid, "impala/all", "Impala alltypes");

    var describe = lamin.run("describe", "collection", "impala/all");
    assertThat(describe.exit()).as(describe.err()).isZero();
    assertThat(describe.out())
        .startsWith("Collection: impala/all (0001)\n│   description: Impala alltypes")
        .contains("version: 0001 (latest)", "Artifacts (3)")
        .contains(plain + "  impala/plain.parquet", snappy + "  impala/snappy.parquet")
        .contains(dict + "  impala/dict.parquet");
    var old = lamin.run("describe", "collection", v0uid);
    assertThat(old.out()).startsWith("Collection: impala/all (0000)").contains("Artifacts (2)");
    assertThat(old.out()).doesNotContain(dict);

    String agg = "SELECT count(*) AS n, sum(id) AS s, sum(int_col) AS i FROM data";
    var csv = lamin.run("query", "impala/all", agg);
    assertThat(csv.exit()).as(csv.err()).isZero();
    assertThat(csv.outLines()).containsExactly("n,s,i", duckdb(agg, files).get(0));
    var first = lamin.run("query", v0uid, agg, "--format", "csv");
    assertThat(first.outLines()).containsExactly("n,s,i", duckdb(agg, files.subList(0, 2)).get(0));

    // JSON lines: one object per member, counts from the files themselves
    Map<String, Path> byUid =
        new TreeMap<>(Map.of(plain, files.get(0), snappy, files.get(1), dict, files.get(2)));
    List<String> expected = new ArrayList<>();
    for (var e : byUid.entrySet()) {
      String n = duckdb("SELECT count(*), max(id) FROM data", List.of(e.getValue())).get(0);
      String[] parts = n.split(",");
      expected.add(
          "{\"artifact_uid\": \""
              + e.getKey()
              + "\", \"n\": "
              + parts[0]
              + ", \"m\": "
              + parts[1]
              + "}");
    }
    var json =
        lamin.run(
            "query",
            "impala/all",
            "SELECT artifact_uid, count(*) AS n, max(id) AS m FROM data GROUP BY 1 ORDER BY 1",
            "--format",
            "json");
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.outLines()).containsExactlyElementsOf(expected);

    var bad = lamin.run("query", "impala/all", "DROP TABLE data");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).startsWith("✗ ").contains("one SELECT");
    var format = lamin.run("query", "impala/all", agg, "--format", "xml");
    assertThat(format.exit()).isEqualTo(1);
    assertThat(format.err()).contains("unknown --format 'xml'; use csv or json");
    var missing = lamin.run("query", "impala/none", agg);
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no collection with key or uid 'impala/none'");
    var noArtifact = lamin.run("collection", "create", "k", "impala/nothing.parquet");
    assertThat(noArtifact.exit()).isEqualTo(1);
    assertThat(noArtifact.err()).contains("no artifact with key or uid 'impala/nothing.parquet'");
  }
}
