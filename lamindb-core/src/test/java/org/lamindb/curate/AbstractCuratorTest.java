package org.lamindb.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Schema;
import org.lamindb.testing.Backend;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code ln.curator(table, schema)} (spec §8.4): the report per column (missing, extra, dtype,
 * nulls, non-validated values with casing/synonym matches), text and JSON, standardize in the
 * table, addNewFrom in one transaction, save with annotation.
 */
abstract class AbstractCuratorTest {
  @TempDir Path tmp;
  LaminDB ln;
  Feature cellType;
  Feature age;
  Feature donor;
  Feature batch;

  abstract Backend backend();

  @BeforeEach
  void open() {
    ln = backend().newInstance(tmp);
    ln.ulabel("T cell").save();
    ln.ulabel("B cell").save();
    cellType = ln.feature("cell_type", Dtype.ULABEL).save();
    age = ln.feature("age", Dtype.INT).save();
    donor = ln.feature("donor", Dtype.STR).nullable(false).save();
    batch = ln.feature("batch", Dtype.STR).save();
  }

  @AfterEach
  void close() {
    ln.close();
  }

  static Table table() {
    return Table.create(
        "obs",
        StringColumn.create("cell_type", "T cell", "t cell", "NK cell", "B cell"),
        StringColumn.create("age", "1", "2", "3", "4"),
        StringColumn.create("donor", "d1", "", "d2", "d2"),
        IntColumn.create("extra_col", 1, 2, 3, 4));
  }

  Schema strict() {
    return ln.schema("obs_strict").features(cellType, age, donor, batch).maximalSet(true).save();
  }

  @Test
  void reportListsEveryProblemPerColumn() throws Exception {
    Curator c = ln.curator(table(), strict());
    assertThat(c.validate()).isFalse();
    ValidationReport r = c.report();
    assertThat(r.otype()).isEqualTo("DataFrame");
    ValidationReport.Slot s = r.slot("columns");
    Map<String, ValidationReport.Column> byName = new java.util.HashMap<>();
    s.columns().forEach(col -> byName.put(col.name(), col));
    assertThat(byName.get("batch").status()).isEqualTo(ValidationReport.MISSING);
    assertThat(byName.get("extra_col").status()).isEqualTo(ValidationReport.EXTRA);
    assertThat(byName.get("age").status()).isEqualTo(ValidationReport.DTYPE);
    assertThat(byName.get("age").detail()).isEqualTo("got object");
    assertThat(byName.get("donor").status()).isEqualTo(ValidationReport.NULLS);
    assertThat(byName.get("donor").nulls()).isEqualTo(1);
    ValidationReport.Column ct = byName.get("cell_type");
    assertThat(ct.status()).isEqualTo(ValidationReport.NOT_VALIDATED);
    assertThat(ct.nonValidated()).containsExactly("t cell", "NK cell");
    assertThat(ct.synonyms()).containsExactly(Map.entry("t cell", "T cell"));
    assertThat(ct.nValues()).isEqualTo(4);
    assertThat(s.problems())
        .contains(
            "column 'batch' not in dataframe",
            "column 'extra_col' not in DataFrameSchema",
            "non-nullable series 'donor' contains null values");
    assertThat(s.problems())
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("2 terms not validated in feature 'cell_type': 't cell', 'NK cell'")
                    .contains("1 synonym found: \"t cell\" → \"T cell\"")
                    .contains("curator.standardize(\"columns\", \"cell_type\")"));
    assertThat(r.toText())
        .contains("DataFrame validated against schema 'obs_strict'", "failed")
        .containsPattern(
            "✗ cell_type +cat\\[ULabel\\] +not validated, 4 distinct: 't cell', 'NK cell'")
        .contains("synonym \"t cell\" → \"T cell\"");
    JsonNode j = new ObjectMapper().readTree(c.reportJson());
    assertThat(j.get("ok").asBoolean()).isFalse();
    JsonNode cols = j.get("slots").get(0).get("columns");
    boolean seen = false;
    for (JsonNode col : cols) {
      if (col.get("name").asText().equals("cell_type")) {
        assertThat(col.get("non_validated").size()).isEqualTo(2);
        assertThat(col.get("synonyms").get("t cell").asText()).isEqualTo("T cell");
        seen = true;
      }
    }
    assertThat(seen).isTrue();
  }

  @Test
  void standardizeAndAddNewFromFixTheTableThenSaveAnnotates() {
    Table t = table().removeColumns("extra_col", "age");
    t.stringColumn("donor").set(1, "d1");
    Schema s = ln.schema("obs").features(cellType, donor, batch.optional()).save();
    Curator c = ln.curator(t, s);
    assertThat(c.validate()).isFalse();
    assertThatThrownBy(() -> c.addNewFrom("columns", "cell_type"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("standardize them first");
    assertThat(c.standardize(null, "cell_type")).containsExactly(Map.entry("t cell", "T cell"));
    assertThat(t.stringColumn("cell_type").asList())
        .containsExactly("T cell", "T cell", "NK cell", "B cell");
    assertThat(c.validate()).isFalse();
    var run = ln.track();
    assertThat(c.addNewFrom("columns", "cell_type")).containsExactly("NK cell");
    assertThat(ln.ulabels().filter("name", "NK cell").one().get("run_id")).isEqualTo(run.id());
    assertThat(c.validate()).isTrue();
    assertThat(c.report().slot("columns").columns())
        .filteredOn(col -> col.name().equals("batch"))
        .singleElement()
        .satisfies(col -> assertThat(col.detail()).isEqualTo("optional, absent"));
    Artifact a = c.save("datasets/obs.parquet");
    ln.finish();
    assertThat(a.schema()).isEqualTo(s);
    assertThat(a.features().labels("cell_type"))
        .extracting(r -> r.get("name"))
        .containsExactlyInAnyOrder("T cell", "NK cell", "B cell");
  }

  @Test
  void addNewFromColumnsRegistersFeaturesAndSaveRefusesInvalidData() {
    Table t =
        Table.create(
            "t", IntColumn.create("n_genes", 1, 2), StringColumn.create("tissue", "a", "b"));
    Curator c = ln.curator(t, "valid_features");
    assertThat(c.validate()).isTrue(); // unknown columns are ignored by valid_features
    assertThat(c.addNewFrom("columns", "columns")).containsExactly("n_genes", "tissue");
    assertThat(ln.features().get("name", "n_genes").dtypeString()).isEqualTo("int");
    assertThat(ln.features().get("name", "tissue").dtypeString()).isEqualTo("cat[ULabel]");
    assertThat(c.validate()).isFalse(); // tissue values are not labels yet
    assertThatThrownBy(() -> c.save("t.parquet")).isInstanceOf(ValidationException.class);
    assertThat(ln.artifacts().count()).isZero();
    assertThat(c.addNewFrom("columns", "tissue")).containsExactly("a", "b");
    assertThat(c.validate()).isTrue();
    assertThatThrownBy(() -> ln.curator(t, "no_such_schema"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no schema named 'no_such_schema'");
    Schema ad = ln.schema("ad").otype("AnnData").slots(Map.of("obs", strict())).save();
    assertThatThrownBy(() -> ln.curator(t, ad).validate())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("validates AnnData, not DataFrame");
    assertThat(ln.curator(t, ln.schemas().get("name", "valid_features").uid()).validate()).isTrue();
  }

  @Test
  void orderedSetChecksColumnOrder() {
    Table t =
        Table.create("t", StringColumn.create("donor", "x"), StringColumn.create("batch", "y"));
    Schema s = ln.schema("ordered").features(batch, donor).orderedSet(true).save();
    Curator c = ln.curator(t, s);
    assertThat(c.validate()).isFalse();
    assertThat(c.report().problems())
        .containsExactly(
            "column order [donor, batch] does not match the schema's order [batch, donor]");
    assertThat(ln.curator(t.reorderColumns("batch", "donor"), s).validate()).isTrue();
    List<String> none =
        ln.curator(t, s).report().slot("columns").columns().stream()
            .filter(col -> !col.ok())
            .map(ValidationReport.Column::name)
            .toList();
    assertThat(none).isEmpty();
  }
}
