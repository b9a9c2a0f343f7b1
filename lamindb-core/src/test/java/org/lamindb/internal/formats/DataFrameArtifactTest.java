package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.LaminException;
import org.lamindb.internal.core.Access;
import org.lamindb.model.Artifact;
import org.lamindb.testing.Backend;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * DataFrame, text and JSON artifacts end to end through {@link LaminDB} with core alone (SQLite,
 * local storage).
 */
class DataFrameArtifactTest {
  @TempDir Path tmp;
  LaminDB ln;

  @BeforeEach
  void open() {
    ln = Backend.SQLITE.newInstance(tmp);
  }

  @AfterEach
  void close() {
    ln.close();
  }

  private static Table sequences() {
    return Table.create(
        "sequences",
        StringColumn.create("name", "seq1", "seq2", "seq3"),
        DoubleColumn.create("gc_content", 0.55, 0.41, 0.6));
  }

  private long artifactRows() {
    return Access.instance(ln).db().dsl().fetchCount(org.jooq.impl.DSL.table("lamindb_artifact"));
  }

  @Test
  void tableSavesAsParquetWithOtypeAndObservationsAndLoadsBack() {
    Artifact a = ln.artifact(sequences()).key("my_datasets/sequences.parquet").save();
    assertThat(a.suffix()).isEqualTo(".parquet");
    assertThat(a.otype()).isEqualTo("DataFrame");
    assertThat(a.nObservations()).isEqualTo(3L);
    assertThat(a.kind()).isEqualTo("dataset"); // spec §4.8: objects saved from memory are datasets
    Artifact again = ln.artifacts().get("key", "my_datasets/sequences.parquet");
    Table t = again.load(Table.class);
    assertThat(t.stringColumn("name").asList()).containsExactly("seq1", "seq2", "seq3");
    assertThat(t.doubleColumn("gc_content").asList()).containsExactly(0.55, 0.41, 0.6);
    assertThat(again.load()).isInstanceOf(Table.class);
  }

  @Test
  void csvKeyWritesCsvAndLeavesObservationsUnset() {
    Artifact a = ln.artifact(sequences()).key("tables/seq.csv").save();
    assertThat(a.suffix()).isEqualTo(".csv");
    assertThat(a.otype()).isEqualTo("DataFrame");
    assertThat(a.nObservations()).isNull();
    assertThat(a.load(Table.class).rowCount()).isEqualTo(3);
  }

  @Test
  void aTableCannotTakeANonTableSuffix() {
    assertThatThrownBy(() -> ln.artifact(sequences()).key("x.h5ad").save())
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(artifactRows()).isZero();
  }

  @Test
  void registeredParquetFileGetsOtypeFromItsFooter() throws Exception {
    Path src = SharedTestData.formats().resolve("parquet/alltypes_plain.parquet");
    Path copy = Files.copy(src, tmp.resolve("alltypes_plain.parquet"));
    Artifact a = ln.artifact(copy).key("impala/alltypes_plain.parquet").save();
    assertThat(a.otype()).isEqualTo("DataFrame");
    assertThat(a.nObservations()).isEqualTo(8L);
    assertThat(a.load(Table.class).intColumn("id").asList())
        .containsExactly(4, 5, 6, 7, 2, 3, 0, 1);
  }

  @Test
  void corruptParquetLeavesNoArtifactRow() throws Exception {
    Path bad =
        Files.copy(
            SharedTestData.formats().resolve("parquet-bad/PARQUET-1481.parquet"),
            tmp.resolve("bad.parquet"));
    assertThatThrownBy(() -> ln.artifact(bad).key("bad.parquet").save())
        .isInstanceOf(LaminException.class)
        .hasMessageContaining("bad.parquet");
    assertThat(artifactRows()).isZero();
  }

  @Test
  void textAndJsonLoadAsLaminDbDoes() throws Exception {
    Path txt = Files.writeString(tmp.resolve("notes.txt"), "hello");
    assertThat(ln.artifact(txt).key("notes.txt").save().load()).isEqualTo("hello");
    Path json = Files.writeString(tmp.resolve("meta.json"), "{\"n\": 3}");
    Object loaded = ln.artifact(json).key("meta.json").save().load();
    assertThat(loaded).isInstanceOf(JsonNode.class);
    assertThat(((JsonNode) loaded).get("n").asInt()).isEqualTo(3);
  }
}
