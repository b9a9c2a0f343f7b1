package org.lamindb.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.Access;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.model.Dtype;
import org.lamindb.model.Run;
import org.lamindb.query.TableAccessor;
import org.lamindb.query.TableCursor;
import org.lamindb.testing.Backend;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** open() accessors, SQL across collections, registry pruning, load/cache; on every backend. */
public abstract class AbstractLakehouseTest {
  @TempDir Path tmp;
  LaminDB ln;

  abstract Backend backend();

  @BeforeEach
  void open() {
    ln = Backend.setup(tmp).init(backend().options(tmp.resolve("storage").toString(), "test"));
  }

  @AfterEach
  void close() {
    ln.close();
  }

  Artifact table(String key, int from, int n, String g) {
    int[] x = new int[n];
    double[] y = new double[n];
    String[] gs = new String[n];
    for (int i = 0; i < n; i++) {
      x[i] = from + i;
      y[i] = (from + i) / 2.0;
      gs[i] = g + (i % 2);
    }
    Table t =
        Table.create(
            key,
            IntColumn.create("x", x),
            DoubleColumn.create("y", y),
            StringColumn.create("g", gs));
    return ln.artifact(t).key(key).save();
  }

  long rows(String table) {
    return Access.instance(ln).db().dsl().fetchCount(org.jooq.impl.DSL.table(table));
  }

  @Test
  void parquetArtifactOpensAsTableAccessorWithMetadataProjectionFilterAndBatches() {
    Artifact a = table("t/a.parquet", 0, 10, "a");
    try (TableAccessor t = a.open(TableAccessor.class)) {
      assertThat(t.columns()).containsExactly("x", "y", "g");
      assertThat(t.schema().get(0).type()).isEqualTo("INTEGER");
      assertThat(t.rowCount()).isEqualTo(10);
      TableAccessor f = t.select("x", "g").filter("x >= 7");
      assertThat(f.columns()).containsExactly("x", "g");
      assertThat(f.rowCount()).isEqualTo(3);
      Table r = f.toTable();
      assertThat(r.columnNames()).containsExactly("x", "g");
      assertThat(r.intColumn("x").asList()).containsExactly(7, 8, 9);
      List<Integer> sizes = new ArrayList<>();
      try (TableCursor c = t.batches(4)) {
        while (c.hasNext()) {
          sizes.add(c.next().rowCount());
        }
      }
      assertThat(sizes).containsExactly(4, 4, 2);
      assertThat(t.sql("SELECT sum(x) AS s FROM data").column("s").get(0)).isEqualTo(45L);
      assertThatThrownBy(() -> t.select("xx"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("unknown column 'xx'")
          .hasMessageContaining("did you mean 'x'?");
      assertThatThrownBy(() -> t.filterArtifacts("key", "t/a.parquet"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("collections and query sets");
    }
    Object o = a.open();
    assertThat(o).isInstanceOf(TableAccessor.class);
  }

  @Test
  void csvOpensAsTableAndOtherFilesAsByteStream() throws Exception {
    Table t = Table.create("c", StringColumn.create("name", "a", "b"), IntColumn.create("n", 1, 2));
    Artifact csv = ln.artifact(t).key("t/c.csv").save();
    try (TableAccessor acc = csv.open(TableAccessor.class)) {
      assertThat(acc.columns()).containsExactly("name", "n");
      assertThat(acc.rowCount()).isEqualTo(2);
    }
    Path txt = tmp.resolve("note.txt");
    Files.writeString(txt, "hello");
    Artifact note = ln.artifact(txt).key("note.txt").save();
    try (InputStream in = note.open(InputStream.class)) {
      assertThat(new String(in.readAllBytes())).isEqualTo("hello");
    }
    try (InputStream in = note.openStream()) {
      assertThat(in.readAllBytes()).hasSize(5);
    }
    assertThatThrownBy(() -> note.open(TableAccessor.class))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("opens as a byte stream")
        .hasMessageContaining(note.uid());
  }

  @Test
  void collectionOpensAsOneTableWithArtifactUidAndSchemaUnion() {
    Artifact a = table("t/a.parquet", 0, 10, "a");
    Artifact b = table("t/b.parquet", 100, 5, "b");
    Table extra = Table.create("e", IntColumn.create("x", 1000, 1001), IntColumn.create("z", 7, 8));
    Artifact e = ln.artifact(extra).key("t/e.parquet").save();
    Collection c = ln.collection(List.of(a, b, e)).key("tables").save();
    try (TableAccessor t = c.open()) {
      assertThat(t.columns()).containsExactly("x", "y", "g", "z", "artifact_uid");
      assertThat(t.rowCount()).isEqualTo(17);
      Table per = t.sql("SELECT artifact_uid, count(*) AS n FROM data GROUP BY 1 ORDER BY 2");
      assertThat(per.stringColumn("artifact_uid").asList())
          .containsExactly(e.uid(), b.uid(), a.uid());
      assertThat(per.longColumn("n").asList()).containsExactly(2L, 5L, 10L);
      Table z = t.sql("SELECT count(z) AS nz, count(*) AS n FROM data");
      assertThat(z.column("nz").get(0)).isEqualTo(2L);
      Table g = t.sql("SELECT g, sum(x) AS s FROM data WHERE g IS NOT NULL GROUP BY g ORDER BY g");
      assertThat(g.stringColumn("g").asList()).containsExactly("a0", "a1", "b0", "b1");
      long streamed = 0;
      try (TableCursor cur = t.sqlStream("SELECT * FROM data", 3)) {
        assertThat(cur.columns().get(cur.columns().size() - 1).name()).isEqualTo("artifact_uid");
        while (cur.hasNext()) {
          Table batch = cur.next();
          assertThat(batch.rowCount()).isLessThanOrEqualTo(3);
          streamed += batch.rowCount();
        }
      }
      assertThat(streamed).isEqualTo(17);
      Table all = t.toTable();
      assertThat(all.rowCount()).isEqualTo(17);
      assertThat(all.columnNames()).contains("artifact_uid");
      assertThat(t.explain("SELECT count(*) FROM data"))
          .contains("collection tables")
          .contains("3 artifact(s)")
          .contains("files: 3");
      assertThatThrownBy(() -> t.sql("DROP VIEW data"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("one SELECT");
    }
  }

  @Test
  void typeConflictFailsNamingArtifactAndColumn() {
    Artifact a = table("t/a.parquet", 0, 3, "a");
    Table other = Table.create("o", StringColumn.create("x", "one", "two"));
    Artifact o = ln.artifact(other).key("t/o.parquet").save();
    Collection c = ln.collection(List.of(a, o)).key("conflict").save();
    try (TableAccessor t = c.open()) {
      assertThatThrownBy(t::schema)
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("column 'x' is VARCHAR in artifact t/o.parquet (" + o.uid())
          .hasMessageContaining("INTEGER in artifact t/a.parquet (" + a.uid());
    }
  }

  @Test
  void artifactLevelFiltersPruneInTheRegistryBeforeOpeningFiles() throws Exception {
    ln.feature("tissue", Dtype.STR).save();
    List<Artifact> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Artifact a = table("p/" + i + ".parquet", i * 10, 10, "g");
      a.features().addValues(Map.of("tissue", i == 2 ? "lung" : "liver"));
      members.add(a);
    }
    Collection c = ln.collection(members).key("pruned").save();
    // delete the file of a member the filter excludes: pruning must not open it
    Files.delete(Path.of(members.get(0).path()));
    try (TableAccessor t = c.open();
        TableAccessor lung = t.filterArtifacts("tissue", "lung")) {
      assertThat(lung.rowCount()).isEqualTo(10);
      Table r = lung.sql("SELECT DISTINCT artifact_uid FROM data");
      assertThat(r.stringColumn(0).asList()).containsExactly(members.get(2).uid());
      assertThat(lung.explain())
          .contains("4 artifact(s)")
          .contains("registry filter tissue = lung")
          .contains("1 selected, 3 pruned before opening any file");
      try (TableAccessor small = lung.filterArtifacts("size__gt", 1_000_000_000L)) {
        assertThat(small.rowCount()).isZero();
        assertThat(small.sql("SELECT count(*) AS n FROM data").column("n").get(0)).isEqualTo(0L);
      }
    }
    try (TableAccessor q =
        ln.artifacts().filter("key__startswith", "p/").filter("tissue", "liver").open()) {
      assertThatThrownBy(q::rowCount).hasMessageContaining(members.get(0).uid());
    }
    try (TableAccessor q = ln.artifacts().filter("key", "p/3.parquet").open()) {
      assertThat(q.sql("SELECT min(x) AS m FROM data").column("m").get(0)).isEqualTo(30);
    }
    assertThatThrownBy(() -> ln.ulabels().open())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("reads the files of artifacts");
  }

  @Test
  void loadConcatenatesTablesAndLineageRecordsTheCollection() {
    Artifact a = table("t/a.parquet", 0, 4, "a");
    Artifact b = table("t/b.parquet", 10, 2, "b");
    Collection c = ln.collection(List.of(a, b)).key("both").save();
    Run run = ln.track(TrackOptions.ofKey("use-collection.sh").sourceCode("echo\n"));
    Table t = c.load(Table.class);
    assertThat(t.rowCount()).isEqualTo(6);
    assertThat(t.stringColumn("artifact_uid").countUnique()).isEqualTo(2);
    assertThat(t.intColumn("x").asList()).containsExactlyInAnyOrder(0, 1, 2, 3, 10, 11);
    List<Path> paths = c.cache();
    assertThat(paths).hasSize(2).allMatch(Files::exists);
    try (TableAccessor acc = c.open()) {
      assertThat(acc.rowCount()).isEqualTo(6);
    }
    assertThat(rows("lamindb_collection_input_of_runs")).isEqualTo(1);
    assertThat(run.inputArtifacts()).isEmpty();
    ln.finish();
    List<Collection> found = ln.collections().filter("artifacts__key__startswith", "t/b").list();
    assertThat(found).extracting(Collection::uid).containsExactly(c.uid());
  }

  @Test
  void folderOfParquetOpensAsOneTableAndJoinsCollectionsWithOneUid() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("parts"));
    try (java.sql.Connection conn = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = conn.createStatement()) {
      for (int p = 0; p < 2; p++) {
        st.execute(
            "COPY (SELECT (i + "
                + (p * 100)
                + ")::INTEGER AS x FROM range(7) t(i)) TO '"
                + dir.resolve("part-" + p + ".parquet")
                + "' (FORMAT parquet)");
      }
    }
    Artifact folder = ln.artifact(dir).key("t/parts").save();
    Artifact single = table("t/a.parquet", 0, 3, "a");
    try (TableAccessor t = folder.open(TableAccessor.class)) {
      assertThat(t.columns()).containsExactly("x");
      assertThat(t.rowCount()).isEqualTo(14);
      assertThat(t.sql("SELECT max(x) AS m FROM data").column("m").get(0)).isEqualTo(106);
    }
    Collection c = ln.collection(List.of(folder, single)).key("mixed-layout").save();
    try (TableAccessor t = c.open()) {
      Table per = t.sql("SELECT artifact_uid, count(*) AS n FROM data GROUP BY 1 ORDER BY 2");
      assertThat(per.stringColumn("artifact_uid").asList())
          .containsExactly(single.uid(), folder.uid());
      assertThat(per.longColumn("n").asList()).containsExactly(3L, 14L);
    }
  }
}
