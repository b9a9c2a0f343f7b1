package org.lamindb.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.internal.features.Schemas;
import org.lamindb.internal.formats.SharedTestData;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.Schema;
import org.lamindb.model.ULabel;
import org.lamindb.testing.Backend;
import tech.tablesaw.api.Table;

/**
 * Curating DataFrames on save (spec §8.2–8.4): {@code ln.artifact(table).schema("valid_features")}
 * validates the columns that are registered features and annotates the artifact; tables are real
 * CSV files from {@code shared/data/formats/csv}.
 */
abstract class AbstractDataFrameCurationTest {
  /** nf-core/rnaseq test sample sheet: sample, fastq_1, fastq_2 (3 empty), strandedness. */
  static final String SAMPLESHEET = "csv/nfcore_rnaseq_samplesheet_test.csv";

  /** scanpy highly-variable-genes table: gene, means, dispersions, dispersions_norm, bool. */
  static final String HVG = "csv/scanpy_cell_ranger_hvg.csv";

  /** tiny matrix: row name, c1 (1.0, 3.0, 5.0), c2 (0.0, 0.0, 6.0). */
  static final String MATRIX = "csv/anndata_adata.csv";

  @TempDir Path tmp;
  LaminDB ln;

  abstract Backend backend();

  @BeforeEach
  void open() {
    ln = backend().newInstance(tmp);
  }

  @AfterEach
  void close() {
    ln.close();
  }

  static Table read(String relative) {
    return Table.read().csv(SharedTestData.formats().resolve(relative).toFile());
  }

  /** Sample type with its labels, strandedness records and a string feature for fastq_1. */
  Feature[] sampleSheetFeatures(String... samples) {
    ULabel sampleType = ln.ulabel("Sample").isType(true).save();
    for (String s : samples) {
      ln.ulabel(s).type(sampleType).save();
    }
    ln.record("auto").save();
    ln.record("reverse").save();
    return new Feature[] {
      ln.feature("sample", Dtype.of(sampleType)).save(),
      ln.feature("fastq_1", Dtype.STR).save(),
      ln.feature("strandedness", Dtype.RECORD).save()
    };
  }

  static final String[] ALL_SAMPLES = {
    "WT_REP1", "WT_REP2", "RAP1_UNINDUCED_REP1", "RAP1_UNINDUCED_REP2", "RAP1_IAA_30M_REP1"
  };

  List<Path> storedFiles() throws IOException {
    Path dir = Path.of(ln.storage().root()).resolve(".lamindb");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("lamin.db"))
          .sorted()
          .toList();
    }
  }

  static List<String> names(List<? extends SQLRecord<?>> recs) {
    List<String> out = new ArrayList<>();
    recs.forEach(r -> out.add(String.valueOf(r.get("name"))));
    out.sort(null);
    return out;
  }

  // ---- §8.2 hash vectors

  @Test
  void schemaHashVectorsFromTheSpec() {
    assertThat(Schemas.hash(List.of())).isEqualTo("kMi7B_N88uu-YnbTLDU-DA");
    assertThat(Hashing.hashString("b=Feature:c=True:d=False:e=False"))
        .isEqualTo("kMi7B_N88uu-YnbTLDU-DA");
    assertThat(Hashing.hashString("a=num:b=bionty.Gene.ensembl_gene_id:c=True:d=False:e=False"))
        .isEqualTo("1gocc_TJ1RU2bMwDRK-WUA");
    assertThat(Schemas.KNOWN_SCHEMAS)
        .containsEntry("kMi7B_N88uu-YnbTLDU-DA", "0000000000000000")
        .containsEntry("1gocc_TJ1RU2bMwDRK-WUA", "0000000000000001");
  }

  @Test
  void validFeaturesIsCreatedOnceWithItsFixedUid() {
    Table t = read(SAMPLESHEET);
    ln.artifact(t).key("a.parquet").schema("valid_features");
    ln.artifact(t).key("b.parquet").schema("valid_features");
    List<Schema> all = ln.schemas().filter("hash", "kMi7B_N88uu-YnbTLDU-DA").list();
    assertThat(all).hasSize(1);
    Schema s = all.get(0);
    assertThat(s.uid()).isEqualTo("0000000000000000");
    assertThat(s.name()).isEqualTo("valid_features");
    assertThat(s.itype()).isEqualTo("Feature");
    assertThat(s.members()).isEmpty();
    assertThat(s.get("flexible")).isIn(true, 1, 1L);
    // an empty feature schema has the same hash: dedup returns the built-in row
    assertThat(ln.schema("another_name").itype("Feature").save().uid())
        .isEqualTo("0000000000000000");
  }

  // ---- success path

  @Test
  void sampleSheetIsValidatedAndAnnotated() {
    Feature[] f = sampleSheetFeatures(ALL_SAMPLES);
    Artifact a =
        ln.artifact(read(SAMPLESHEET))
            .key("my_datasets/samplesheet.parquet")
            .schema("valid_features")
            .save();

    assertThat(a.schema().uid()).isEqualTo("0000000000000000");
    Artifact fresh = ln.artifacts().get(a.uid());
    assertThat(fresh.schema().name()).isEqualTo("valid_features");

    // labels linked with their feature
    assertThat(names(a.features().labels("sample")))
        .containsExactly(
            "RAP1_IAA_30M_REP1",
            "RAP1_UNINDUCED_REP1",
            "RAP1_UNINDUCED_REP2",
            "WT_REP1",
            "WT_REP2");
    assertThat(names(a.features().labels("strandedness"))).containsExactly("auto", "reverse");
    assertThat(a.ulabels().count()).isEqualTo(5);
    assertThat(a.records().count()).isEqualTo(2);

    // inferred columns schema: the validated features in column order; fastq_2 (no feature) ignored
    List<Schema> linked = ln.schemas().filter("artifacts__id", a.id()).list();
    assertThat(linked).hasSize(1);
    Schema columns = linked.get(0);
    assertThat(columns.members()).containsExactly(f[0], f[1], f[2]);
    assertThat(columns.itype()).isEqualTo("Feature");
    assertThat(columns.nMembers()).isEqualTo(3L);
    assertThat(columns.uid()).isNotEqualTo("0000000000000000");
    assertThat(columns.hash()).isNotEqualTo("kMi7B_N88uu-YnbTLDU-DA");

    String d = a.describeText();
    assertThat(d).contains("schema: valid_features");
    assertThat(d).contains("Dataset features");
    assertThat(d).contains("columns (3)");
    assertThat(d)
        .containsPattern("sample +ULabel\\[Sample\\] +RAP1_IAA_30M_REP1, RAP1_UNINDUCED_REP1");
    assertThat(d).containsPattern("strandedness +Record +auto, reverse");
    assertThat(d).containsPattern("fastq_1 +str");
    assertThat(d).doesNotContain("External features");
    assertThat(d).doesNotContainPattern("│ +fastq_2 ");
  }

  @Test
  void sameColumnsReuseTheInferredSchema() {
    sampleSheetFeatures(ALL_SAMPLES);
    Table t = read(SAMPLESHEET);
    Artifact a = ln.artifact(t).key("one.parquet").schema("valid_features").save();
    Artifact b = ln.artifact(t.dropRows(0)).key("two.parquet").schema("valid_features").save();
    Schema sa = ln.schemas().filter("artifacts__id", a.id()).one();
    Schema sb = ln.schemas().filter("artifacts__id", b.id()).one();
    assertThat(sb.id()).isEqualTo(sa.id());
  }

  @Test
  void saveAllAnnotatesToo() {
    sampleSheetFeatures(ALL_SAMPLES);
    Artifact a = ln.artifact(read(SAMPLESHEET)).key("bulk.parquet").schema("valid_features");
    Artifact.saveAll(List.of(a));
    assertThat(a.schema().uid()).isEqualTo("0000000000000000");
    assertThat(a.ulabels().count()).isEqualTo(5);
    assertThat(ln.schemas().filter("artifacts__id", a.id()).count()).isEqualTo(1L);
  }

  @Test
  void replacingTheDataRevalidatesOnSave() {
    ln.feature("means", Dtype.FLOAT).save();
    Artifact a = ln.artifact(read(HVG)).schema("valid_features");
    // this table's means are ints: invalid for a float feature
    Table ints = Table.create("t", tech.tablesaw.api.IntColumn.create("means", 1, 2));
    a.data(ints).key("ints.parquet");
    assertThatThrownBy(a::save)
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Column 'means' failed dtype check for 'float': got int32");
    assertThat(ln.artifacts().count()).isZero();
  }

  @Test
  void numericAndBooleanColumns() {
    Feature means = ln.feature("means", Dtype.FLOAT).save();
    Feature hv = ln.feature("highly_variable", Dtype.BOOL).save();
    Artifact a = ln.artifact(read(HVG)).key("hvg.parquet").schema("valid_features").save();
    Schema columns = ln.schemas().filter("artifacts__id", a.id()).one();
    assertThat(columns.members()).containsExactly(means, hv);
    assertThat(a.describeText()).contains("columns (2)");
  }

  @Test
  void coerceAcceptsConvertibleValues() {
    // c1 holds 1.0, 3.0, 5.0: integral, so an int feature with coerce accepts it
    ln.feature("c1", Dtype.INT).coerce(true).save();
    Artifact a = ln.artifact(read(MATRIX)).key("m.parquet").schema("valid_features").save();
    assertThat(ln.schemas().filter("artifacts__id", a.id()).one().members()).hasSize(1);
  }

  @Test
  void savedSchemaObjectIsAccepted() {
    Feature[] f = sampleSheetFeatures(ALL_SAMPLES);
    Schema sheet = ln.schema("sample_sheet", f[0], f[2]);
    Artifact a = ln.artifact(read(SAMPLESHEET)).key("s.parquet").schema(sheet).save();
    assertThat(a.schema().id()).isEqualTo(sheet.id());
    // not flexible: only members are validated, so fastq_1 is not in the inferred schema
    assertThat(ln.schemas().filter("artifacts__id", a.id()).one().members())
        .containsExactly(f[0], f[2]);
  }

  // ---- failures: ValidationException, nothing written

  @Test
  void failedAnnotationUndoesTheNewArtifact() throws IOException {
    sampleSheetFeatures(ALL_SAMPLES);
    List<Path> before = storedFiles();
    Artifact draft =
        ln.artifact(read(SAMPLESHEET))
            .key("my_datasets/samplesheet.parquet")
            .schema("valid_features");
    // a label that validated is gone by the time the artifact is saved: linking it must fail
    ln.ulabels().filter("name", "WT_REP1").one().delete(true);
    assertThatThrownBy(draft::save).isInstanceOf(org.lamindb.LaminException.class);
    assertThat(ln.artifacts().count()).isZero();
    assertThat(storedFiles()).isEqualTo(before);
    assertThat(ln.schemas().filter("artifacts__isnull", false).count()).isZero();
  }

  @Test
  void failedAnnotationInSaveAllUndoesEveryUnannotatedArtifact() throws IOException {
    sampleSheetFeatures(ALL_SAMPLES);
    ln.feature("means", Dtype.FLOAT).save();
    List<Path> before = storedFiles();
    Artifact sheet = ln.artifact(read(SAMPLESHEET)).key("sheet.parquet").schema("valid_features");
    Artifact hvg = ln.artifact(read(HVG)).key("hvg.parquet").schema("valid_features");
    ln.ulabels().filter("name", "WT_REP1").one().delete(true);
    assertThatThrownBy(() -> Artifact.saveAll(List.of(sheet, hvg)))
        .isInstanceOf(org.lamindb.LaminException.class);
    assertThat(ln.artifacts().count()).isZero();
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void dtypeMismatchFailsWithAHintAndWritesNothing() throws IOException {
    ln.feature("means", Dtype.INT).save();
    List<Path> before = storedFiles();
    Artifact draft = ln.artifact(read(HVG)).key("hvg.parquet");
    assertThatThrownBy(() -> draft.schema("valid_features"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Column 'means' failed dtype check for 'int': got float64")
        .hasMessageContaining("coerce(true)");
    assertThat(ln.artifacts().count()).isZero();
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void coerceFailsOnNonIntegralValues() {
    ln.feature("means", Dtype.INT).coerce(true).save();
    Table hvg = read(HVG); // outside the lambda: a missing shared/data folder skips the test
    assertThatThrownBy(() -> ln.artifact(hvg).schema("valid_features"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Column 'means' failed dtype check for 'int': got float64");
  }

  @Test
  void unknownCategoricalValuesAreListedInOneMessage() throws IOException {
    sampleSheetFeatures("WT_REP1", "WT_REP2");
    List<Path> before = storedFiles();
    Table t = read(SAMPLESHEET);
    assertThatThrownBy(
            () ->
                ln.artifact(t)
                    .key("my_datasets/samplesheet.parquet")
                    .schema("valid_features")
                    .save())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "3 terms not validated in feature 'sample': 'RAP1_UNINDUCED_REP1',"
                + " 'RAP1_UNINDUCED_REP2', 'RAP1_IAA_30M_REP1'\n"
                + "    → fix typos, remove non-existent values, or create objects via:\n"
                + "\n"
                + "  for (String name : List.of(\"RAP1_UNINDUCED_REP1\", \"RAP1_UNINDUCED_REP2\","
                + " \"RAP1_IAA_30M_REP1\")) ln.ulabel(name).type(Sample).save();\n"
                + "    → a valid label for subtype 'Sample' has to be one of ['WT_REP1',"
                + " 'WT_REP2']");
    assertThat(ln.artifacts().count()).isZero();
    assertThat(storedFiles()).isEqualTo(before);
    assertThat(ln.schemas().count()).isEqualTo(1L); // only valid_features
  }

  @Test
  void everyProblemIsReported() {
    ln.record("auto").save();
    ln.feature("strandedness", Dtype.RECORD).save();
    ln.feature("fastq_2", Dtype.STR).nullable(false).save();
    Table t = read(SAMPLESHEET);
    ValidationException e =
        (ValidationException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> ln.artifact(t).schema("valid_features"));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0)).isEqualTo("non-nullable series 'fastq_2' contains null values");
    assertThat(e.problems().get(1))
        .startsWith("1 term not validated in feature 'strandedness': 'reverse'\n");
  }

  @Test
  void missingSchemaMemberColumn() {
    Feature[] f = sampleSheetFeatures(ALL_SAMPLES);
    Feature condition = ln.feature("condition", Dtype.STR).save();
    Schema sheet = ln.schema("with_condition", f[0], condition);
    Table t = read(SAMPLESHEET);
    assertThatThrownBy(() -> ln.artifact(t).schema(sheet))
        .isInstanceOf(ValidationException.class)
        .hasMessage("column 'condition' not in dataframe");
  }

  @Test
  void columnsWithoutFeaturesAreIgnored() {
    Artifact a =
        ln.artifact(read(SAMPLESHEET)).key("plain.parquet").schema("valid_features").save();
    assertThat(a.schema().uid()).isEqualTo("0000000000000000");
    assertThat(ln.schemas().filter("artifacts__id", a.id()).count()).isZero();
    assertThat(a.ulabels().count()).isZero();
    assertThat(a.describeText()).doesNotContain("Dataset features");
  }

  @Test
  void unknownSchemaNameAndNonTableData() {
    Table t = read(SAMPLESHEET);
    assertThatThrownBy(() -> ln.artifact(t).schema("no_such_schema"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no schema named 'no_such_schema'");
    assertThatThrownBy(() -> ln.artifact("some text").schema("valid_features"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("Tablesaw Table");
  }
}
