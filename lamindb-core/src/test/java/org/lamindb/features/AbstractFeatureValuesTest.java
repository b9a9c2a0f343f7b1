package org.lamindb.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.internal.core.Access;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Project;
import org.lamindb.model.Record;
import org.lamindb.model.Reference;
import org.lamindb.model.ULabel;
import org.lamindb.testing.Backend;

/**
 * Labels and feature values (spec §6.1–6.6, §10): every dtype valid and invalid, coercion,
 * all-or-nothing writes.
 */
abstract class AbstractFeatureValuesTest {
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

  Artifact artifact(String key) throws Exception {
    Path p = tmp.resolve("in").resolve(key);
    Files.createDirectories(p.getParent());
    Files.writeString(p, key + " content");
    return ln.artifact(p).key(key).save();
  }

  long count(String table) {
    return Access.instance(ln).db().dsl().fetchCount(DSL.table(DSL.name(table)));
  }

  @Test
  void readmeLabelsAndFeatures() throws Exception {
    Artifact a = artifact("sample.fasta");
    ULabel label = ln.ulabel("My label").save();
    Project project = ln.project("My project").save();
    a.ulabels().add(label);
    a.projects().add(project);
    a.ulabels().add(label); // idempotent
    assertThat(a.ulabels().list()).containsExactly(label);
    assertThat(a.projects().list()).containsExactly(project);
    assertThat(ln.artifacts().filter("ulabels", label).filter("projects", project).list())
        .containsExactly(a);

    ln.feature("gc_content", Dtype.FLOAT).save();
    ln.feature("experiment_note", Dtype.STR).save();
    ln.feature("experiment_date", Dtype.DATE).coerce(true).save();
    a.features()
        .addValues(
            Map.of(
                "gc_content",
                0.55,
                "experiment_note",
                "Looks great",
                "experiment_date",
                "2025-10-24"));
    assertThat(a.features().get())
        .containsExactly(
            Map.entry("experiment_date", LocalDate.of(2025, 10, 24)),
            Map.entry("experiment_note", "Looks great"),
            Map.entry("gc_content", 0.55));

    Record sample = ln.record("Sample").isType(true).save();
    ln.record("P53mutant1").type(sample).save();
    ln.record("P53mutant2").type(sample).save();
    ln.feature("design_sample", Dtype.of(sample)).save();
    a.features().addValues(Map.of("design_sample", "P53mutant1"));
    assertThat(a.features().get("design_sample")).isEqualTo("P53mutant1");
    assertThat(a.features().labels("design_sample"))
        .extracting(r -> r.get("name"))
        .containsExactly("P53mutant1");

    a.ulabels().remove(label);
    assertThat(a.ulabels().list()).isEmpty();
  }

  @Test
  void everyDtypeRoundTrips() throws Exception {
    Artifact a = artifact("a.txt");
    ln.feature("f_str", Dtype.STR).save();
    ln.feature("f_int", Dtype.INT).save();
    ln.feature("f_float", Dtype.FLOAT).save();
    ln.feature("f_num", Dtype.NUM).save();
    ln.feature("f_bool", Dtype.BOOL).save();
    ln.feature("f_date", Dtype.DATE).save();
    ln.feature("f_datetime", Dtype.DATETIME).save();
    ln.feature("f_dict", Dtype.DICT).save();
    ln.feature("f_list_int", Dtype.list(Dtype.INT)).save();
    ln.feature("f_list_str", Dtype.list(Dtype.STR)).save();
    ln.feature("f_path", Dtype.PATH).save();
    ln.feature("f_url", Dtype.URL).save();
    ln.feature("f_ulabel", Dtype.ULABEL).save();
    ln.feature("f_list_ulabel", Dtype.list(Dtype.ULABEL)).save();
    ln.feature("f_project", Dtype.PROJECT).save();
    ln.feature("f_reference", Dtype.REFERENCE).save();
    ln.ulabel("A").save();
    ln.ulabel("B").save();
    ln.project("P").save();
    ln.reference("Ref").save();
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("f_str", "hello");
    in.put("f_int", 42);
    in.put("f_float", 3.25);
    in.put("f_num", 7);
    in.put("f_bool", true);
    in.put("f_date", LocalDate.of(2024, 1, 1));
    in.put("f_datetime", LocalDateTime.of(2024, 1, 1, 12, 0));
    in.put("f_dict", Map.of("detail1", "123", "n", 2));
    in.put("f_list_int", List.of(1, 2, 3));
    in.put("f_list_str", List.of("x", "y"));
    in.put("f_path", Path.of("data/raw/"));
    in.put("f_url", "https://lamin.ai");
    in.put("f_ulabel", "A");
    in.put("f_list_ulabel", List.of("A", "B"));
    in.put("f_project", "P");
    in.put("f_reference", "Ref");
    a.features().addValues(in);
    Map<String, Object> out = a.features().get();
    assertThat(out.get("f_str")).isEqualTo("hello");
    assertThat(out.get("f_int")).isEqualTo(42L);
    assertThat(out.get("f_float")).isEqualTo(3.25);
    assertThat(out.get("f_num")).isEqualTo(7L);
    assertThat(out.get("f_bool")).isEqualTo(true);
    assertThat(out.get("f_date")).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(out.get("f_datetime")).isEqualTo(LocalDateTime.of(2024, 1, 1, 12, 0));
    assertThat(out.get("f_dict")).isEqualTo(Map.of("detail1", "123", "n", 2));
    assertThat(out.get("f_list_int")).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(out.get("f_list_str")).isEqualTo(List.of("x", "y"));
    assertThat(out.get("f_path")).isEqualTo("data/raw");
    assertThat(out.get("f_url")).isEqualTo("https://lamin.ai");
    assertThat(out.get("f_ulabel")).isEqualTo("A");
    assertThat(out.get("f_list_ulabel")).isEqualTo(List.of("A", "B"));
    assertThat(out.get("f_project")).isEqualTo("P");
    assertThat(out.get("f_reference")).isEqualTo("Ref");
    assertThat(out).hasSize(in.size());
  }

  @Test
  void wrongTypesAreAllReportedAndNothingIsWritten() throws Exception {
    Artifact a = artifact("a.txt");
    ln.feature("f_int", Dtype.INT).save();
    ln.feature("f_float", Dtype.FLOAT).save();
    ln.feature("f_bool", Dtype.BOOL).save();
    ln.feature("f_date", Dtype.DATE).save();
    ln.feature("f_dict", Dtype.DICT).save();
    ln.feature("f_list", Dtype.list(Dtype.INT)).save();
    ln.feature("f_str", Dtype.STR).save();
    ln.feature("f_label", Dtype.ULABEL).save();
    ln.ulabel("known").save();
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("f_str", "fine");
    bad.put("f_int", 1.5);
    bad.put("f_float", "abc");
    bad.put("f_bool", 1);
    bad.put("f_date", "2025-10-24"); // no coerce
    bad.put("f_dict", List.of(1));
    bad.put("f_list", List.of("x"));
    bad.put("f_label", List.of("known", "unknown1", "unknown2"));
    bad.put("nope1", 1);
    bad.put("nope2", "x");
    assertThatThrownBy(() -> a.features().addValues(bad))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e -> {
              ValidationException v = (ValidationException) e;
              assertThat(v.getMessage())
                  .startsWith("These keys could not be validated: ['nope1', 'nope2']");
              assertThat(v.getMessage()).contains("failed dtype check for 'int': got float 1.5");
              assertThat(v.getMessage()).contains("failed dtype check for 'float': got str 'abc'");
              assertThat(v.getMessage()).contains("failed dtype check for 'bool': got int 1");
              assertThat(v.getMessage())
                  .contains("failed dtype check for 'date': got str '2025-10-24'");
              assertThat(v.getMessage()).contains("failed dtype check for 'dict'");
              assertThat(v.getMessage()).contains("failed dtype check for 'int': got str 'x'");
              assertThat(v.getMessage())
                  .contains("2 terms not validated in feature 'f_label': 'unknown1', 'unknown2'");
              assertThat(v.problems()).hasSize(8);
            });
    assertThat(count("lamindb_artifactjsonvalue")).isZero();
    assertThat(count("lamindb_jsonvalue")).isZero();
    assertThat(count("lamindb_artifactulabel")).isZero();
    assertThat(a.features().get()).isEmpty();
  }

  @Test
  void coercionOnlyWhenTheFeatureSaysSo() throws Exception {
    Artifact a = artifact("a.txt");
    ln.feature("d_strict", Dtype.DATE).save();
    ln.feature("d_coerce", Dtype.DATE).coerce(true).save();
    ln.feature("t_coerce", Dtype.DATETIME).coerce(true).save();
    ln.feature("i_coerce", Dtype.INT).coerce(true).save();
    ln.feature("f_coerce", Dtype.FLOAT).coerce(true).save();
    assertThatThrownBy(() -> a.features().addValues(Map.of("d_strict", "2025-10-24")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("coerce(true)");
    assertThatThrownBy(() -> a.features().addValues(Map.of("d_coerce", "24.10.2025")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is not an ISO date");
    a.features()
        .addValues(
            Map.of(
                "d_coerce",
                "2025-10-24",
                "t_coerce",
                "2025-10-24T08:30:00",
                "i_coerce",
                "12",
                "f_coerce",
                3));
    assertThat(a.features().get())
        .containsEntry("d_coerce", LocalDate.of(2025, 10, 24))
        .containsEntry("t_coerce", LocalDateTime.of(2025, 10, 24, 8, 30))
        .containsEntry("i_coerce", 12L)
        .containsEntry("f_coerce", 3.0);
  }

  @Test
  void jsonValuesAreSharedAndHashedAsLaminDb() throws Exception {
    Artifact a = artifact("a.txt");
    Artifact b = artifact("b.txt");
    ln.feature("temperature", Dtype.FLOAT).save();
    a.features().addValues(Map.of("temperature", 21.6));
    b.features().addValues(Map.of("temperature", 21.6));
    assertThat(count("lamindb_jsonvalue")).isEqualTo(1);
    assertThat(count("lamindb_artifactjsonvalue")).isEqualTo(2);
    Object hash =
        Access.instance(ln)
            .db()
            .dsl()
            .select(DSL.field("hash"))
            .from("lamindb_jsonvalue")
            .fetchOne(0);
    // md5("21.6") as url-safe base64, first 22 characters
    assertThat(hash).isEqualTo(org.lamindb.internal.storage.Hashing.hashString("21.6"));
  }

  @Test
  void multipleValuesAggregateAndRemove() throws Exception {
    Artifact a = artifact("a.txt");
    ln.feature("score", Dtype.INT).save();
    ln.feature("tag", Dtype.ULABEL).save();
    ln.ulabel("t1").save();
    ln.ulabel("t2").save();
    a.features().addValues(Map.of("score", 1, "tag", "t1"));
    a.features().addValues(Map.of("score", 2, "tag", "t2"));
    assertThat(a.features().get("score")).isEqualTo(Set.of(1L, 2L));
    assertThat(a.features().get("tag")).isEqualTo(Set.of("t1", "t2"));
    assertThat(a.features().remove("score", 1)).isEqualTo(1);
    assertThat(a.features().get("score")).isEqualTo(2L);
    assertThat(a.features().remove("tag", "t1")).isEqualTo(1);
    assertThat(a.features().get("tag")).isEqualTo("t2");
    a.features().remove("tag");
    assertThat(a.features().get()).containsOnlyKeys("score");
  }

  @Test
  void recordTypedFeaturesAcceptOnlyTheirSubtree() throws Exception {
    Artifact a = artifact("a.txt");
    Record sample = ln.record("Sample").isType(true).save();
    Record treated = ln.record("TreatedSample").isType(true).type(sample).save();
    Record other = ln.record("Instrument").isType(true).save();
    ln.record("S1").type(sample).save();
    ln.record("S2").type(treated).save();
    Record microscope = ln.record("Microscope").type(other).save();
    ln.feature("design_sample", Dtype.of(sample)).save();
    a.features().addValues(Map.of("design_sample", List.of("S1", "S2")));
    assertThat(a.features().get("design_sample")).isEqualTo(Set.of("S1", "S2"));
    assertThatThrownBy(() -> a.features().addValues(Map.of("design_sample", "Microscope")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("1 term not validated in feature 'design_sample': 'Microscope'")
        .hasMessageContaining("a valid label for subtype 'Sample' has to be one of ['S1', 'S2']");
    assertThatThrownBy(() -> a.features().addValues(Map.of("design_sample", microscope)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is not a valid value");
  }

  @Test
  void featureDefinitions() {
    Feature f = ln.feature("feat", Dtype.STR).save();
    assertThat(ln.feature("feat", Dtype.STR)).isEqualTo(f);
    assertThatThrownBy(() -> ln.feature("feat", Dtype.ULABEL))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Feature feat already exists with dtype str, you passed cat[ULabel]");
    assertThatThrownBy(() -> ln.feature("ct", Dtype.cat("bionty.CellType")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is an invalid dtype");
    assertThatThrownBy(() -> Dtype.parse("floaty")).isInstanceOf(ValidationException.class);
    assertThat(Dtype.parse("cat").toString()).isEqualTo("cat[ULabel]");
    assertThat(Dtype.parse("list[cat[bionty.CellType.ontology_id]]").toString())
        .isEqualTo("list[cat[bionty.CellType.ontology_id]]");
    assertThat(Dtype.parse("cat[Record[abc, is_type=True]]").toString())
        .isEqualTo("cat[Record[abc, is_type=True]]");
    assertThat(Dtype.parse("cat[Record[description__contains=\"alpha,beta\"]]").toString())
        .isEqualTo("cat[Record[description__contains=\"alpha,beta\"]]");
    assertThat(
            Dtype.parse("cat[bionty.Tissue.ontology_id|bionty.CellType.ontology_id]")
                .parsed()
                .members())
        .hasSize(2);
    Record notType = ln.record("plain").save();
    assertThatThrownBy(() -> Dtype.of(notType))
        .isInstanceOf(org.lamindb.InvalidArgumentException.class);
    assertThat(f.dtype()).isEqualTo(Dtype.STR);
  }

  @Test
  void runsAndRecordsHoldFeaturesToo() throws Exception {
    ln.feature("param1", Dtype.INT).save();
    ln.feature("note", Dtype.STR).save();
    Record r = ln.record("r1").save();
    r.features().addValues(Map.of("param1", 1, "note", "a"));
    r.features().addValues(Map.of("note", "b")); // one JSON value per record and feature
    assertThat(r.features().get()).containsExactly(Map.entry("note", "b"), Map.entry("param1", 1L));
    assertThat(count("lamindb_recordjson")).isEqualTo(2);
    org.lamindb.model.Transform t =
        new org.lamindb.model.Transform(ln).key("script.py").kind("script").save();
    org.lamindb.model.Run run = new org.lamindb.model.Run(ln).transform(t).save();
    run.features().addValues(Map.of("param1", 1, "note", "x"));
    assertThat(run.features().get())
        .containsExactly(Map.entry("note", "x"), Map.entry("param1", 1L));
    assertThat(count("lamindb_runjsonvalue")).isEqualTo(2);
    assertThat(ln.runs().filter("param1", 1).list()).containsExactly(run);
    assertThat(run.describeText()).contains("── Features").contains("param1").contains("int");
    Map<String, Object> unknown = new LinkedHashMap<>();
    unknown.put("param2", 1);
    unknown.put("param3", 2);
    assertThatThrownBy(() -> run.features().addValues(unknown))
        .hasMessageStartingWith("These keys could not be validated: ['param2', 'param3']");
    ULabel l = ln.ulabel("run label").save();
    run.ulabels().add(l);
    t.ulabels().add(l);
    assertThat(run.ulabels().list()).containsExactly(l);
    assertThat(t.ulabels().list()).containsExactly(l);
  }

  @Test
  void labelTypesParentsAndReferences() throws Exception {
    ULabel pert = ln.ulabel("Perturbation").isType(true).save();
    ULabel dmso = ln.ulabel("DMSO").type(pert).save();
    ULabel ifng = ln.ulabel("IFNG").type(pert).save();
    ifng.parents().add(dmso);
    assertThat(ifng.parents().list()).containsExactly(dmso);
    assertThat(dmso.children().list()).containsExactly(ifng);
    assertThat(ln.ulabel("DMSO")).isEqualTo(dmso); // name idempotency
    Reference ref =
        ln.reference("Schmidt22")
            .url("https://pubmed.ncbi.nlm.nih.gov/35113687/")
            .doi("10.1126/science.abj4008")
            .save();
    Artifact a = artifact("a.txt");
    a.references().add(ref);
    a.records().add(ln.record("r").save());
    assertThat(a.references().list()).containsExactly(ref);
    assertThat(a.records().count()).isEqualTo(1);
  }

  @Test
  void describeShowsFeaturesThenLabels() throws Exception {
    Artifact a = artifact("sample.fasta");
    ln.feature("gc_content", Dtype.FLOAT).save();
    ln.feature("experiment_date", Dtype.DATE).coerce(true).save();
    Record sample = ln.record("Sample").isType(true).save();
    ln.record("P53mutant1").type(sample).save();
    ln.feature("design_sample", Dtype.of(sample)).save();
    a.features()
        .addValues(
            Map.of(
                "gc_content",
                0.55,
                "experiment_date",
                "2025-10-24",
                "design_sample",
                "P53mutant1"));
    a.ulabels().add(ln.ulabel("My label").save());
    String d = a.describeText();
    int features = d.indexOf("── Features");
    int labels = d.indexOf("── Labels");
    assertThat(features).isPositive();
    assertThat(labels).isGreaterThan(features);
    String block = d.substring(features, labels);
    assertThat(block)
        .containsSubsequence(
            "design_sample",
            "Record[Sample]",
            "P53mutant1",
            "experiment_date",
            "date",
            "2025-10-24",
            "gc_content",
            "float",
            "0.55");
    assertThat(d.substring(labels))
        .contains(".ulabels")
        .contains("My label")
        .contains(".records")
        .contains("P53mutant1");
  }
}
