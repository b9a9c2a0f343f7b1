package org.lamindb.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.NotFoundException;
import org.lamindb.ValidationException;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Record;
import org.lamindb.query.Include;
import org.lamindb.testing.Backend;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Queries by features (spec §6.7), feature columns (§6.8), sheets (§7.3) and search (§9.6). */
abstract class AbstractFeatureQueryTest {
  @TempDir Path tmp;
  LaminDB ln;
  final List<Artifact> artifacts = new ArrayList<>();
  final List<Map<String, Object>> annotations = new ArrayList<>();

  abstract Backend backend();

  @BeforeEach
  void open() throws Exception {
    ln = backend().newInstance(tmp);
    ln.feature("gc_content", Dtype.FLOAT).save();
    ln.feature("reads", Dtype.INT).save();
    ln.feature("experiment_date", Dtype.DATE).coerce(true).save();
    ln.feature("note", Dtype.STR).save();
    ln.feature("passed", Dtype.BOOL).save();
    Record sample = ln.record("Sample").isType(true).save();
    for (String s : List.of("P53mutant1", "P53mutant2", "WT1")) {
      ln.record(s).type(sample).save();
    }
    ln.feature("design_sample", Dtype.of(sample)).save();
    // 12 artifacts with deterministic values; every fourth has no values at all
    for (int i = 0; i < 12; i++) {
      Path p = tmp.resolve("in").resolve("f" + i + ".txt");
      Files.createDirectories(p.getParent());
      Files.writeString(p, "content " + i);
      Artifact a = ln.artifact(p).key("f" + i + ".txt").save();
      artifacts.add(a);
      Map<String, Object> v = new LinkedHashMap<>();
      if (i % 4 != 3) {
        v.put("gc_content", 0.40 + i * 0.025);
        v.put("reads", 1000L * i);
        v.put("experiment_date", LocalDate.of(2025, 10, 20 + i % 6));
        v.put("note", i % 2 == 0 ? "Looks great" : "needs review");
        v.put("passed", i % 3 == 0);
        v.put("design_sample", List.of("P53mutant1", "P53mutant2", "WT1").get(i % 3));
        a.features().addValues(v);
      }
      annotations.add(v);
    }
  }

  @AfterEach
  void close() {
    ln.close();
  }

  /**
   * @return the artifacts whose annotation satisfies {@code p}, computed from the test data itself
   */
  List<Artifact> expected(Predicate<Map<String, Object>> p) {
    List<Artifact> out = new ArrayList<>();
    for (int i = 0; i < artifacts.size(); i++) {
      if (p.test(annotations.get(i))) {
        out.add(artifacts.get(i));
      }
    }
    return out;
  }

  List<Artifact> q(String lookup, Object value) {
    return ln.artifacts().filter(lookup, value).orderBy("id").list();
  }

  static double gc(Map<String, Object> m) {
    return m.containsKey("gc_content") ? (Double) m.get("gc_content") : Double.NaN;
  }

  @Test
  void numericLookups() {
    assertThat(q("gc_content__gt", 0.6)).containsExactlyElementsOf(expected(m -> gc(m) > 0.6));
    assertThat(q("gc_content__gte", 0.6)).containsExactlyElementsOf(expected(m -> gc(m) >= 0.6));
    assertThat(q("gc_content__lt", 0.5)).containsExactlyElementsOf(expected(m -> gc(m) < 0.5));
    assertThat(q("gc_content__lte", 0.45)).containsExactlyElementsOf(expected(m -> gc(m) <= 0.45));
    assertThat(q("gc_content", 0.45)).containsExactlyElementsOf(expected(m -> gc(m) == 0.45));
    assertThat(q("reads__gt", 5000))
        .containsExactlyElementsOf(
            expected(m -> m.containsKey("reads") && (Long) m.get("reads") > 5000));
    assertThat(q("reads", 2000))
        .containsExactlyElementsOf(expected(m -> Long.valueOf(2000).equals(m.get("reads"))));
    assertThat(q("reads__in", List.of(0, 4000)))
        .containsExactlyElementsOf(
            expected(m -> m.containsKey("reads") && List.of(0L, 4000L).contains(m.get("reads"))));
    assertThat(q("reads__range", List.of(1000, 5000)))
        .containsExactlyElementsOf(
            expected(
                m ->
                    m.containsKey("reads")
                        && (Long) m.get("reads") >= 1000
                        && (Long) m.get("reads") <= 5000));
    assertThat(q("gc_content__isnull", true))
        .containsExactlyElementsOf(expected(m -> !m.containsKey("gc_content")));
    assertThat(q("gc_content__isnull", false))
        .containsExactlyElementsOf(expected(m -> m.containsKey("gc_content")));
  }

  @Test
  void dateStringAndBoolLookups() {
    LocalDate d = LocalDate.of(2025, 10, 24);
    assertThat(q("experiment_date", "2025-10-24"))
        .containsExactlyElementsOf(expected(m -> d.equals(m.get("experiment_date"))));
    assertThat(q("experiment_date", d))
        .containsExactlyElementsOf(expected(m -> d.equals(m.get("experiment_date"))));
    assertThat(q("experiment_date__gte", "2025-10-24"))
        .containsExactlyElementsOf(
            expected(
                m ->
                    m.containsKey("experiment_date")
                        && !((LocalDate) m.get("experiment_date")).isBefore(d)));
    assertThat(q("experiment_date__lt", "2025-10-22"))
        .containsExactlyElementsOf(
            expected(
                m ->
                    m.containsKey("experiment_date")
                        && ((LocalDate) m.get("experiment_date"))
                            .isBefore(LocalDate.of(2025, 10, 22))));
    assertThat(q("note", "Looks great"))
        .containsExactlyElementsOf(expected(m -> "Looks great".equals(m.get("note"))));
    assertThat(q("note__icontains", "REVIEW"))
        .containsExactlyElementsOf(expected(m -> "needs review".equals(m.get("note"))));
    assertThat(q("note__contains", "great"))
        .containsExactlyElementsOf(expected(m -> "Looks great".equals(m.get("note"))));
    assertThat(q("note__startswith", "needs"))
        .containsExactlyElementsOf(expected(m -> "needs review".equals(m.get("note"))));
    assertThat(q("note__endswith", "view"))
        .containsExactlyElementsOf(expected(m -> "needs review".equals(m.get("note"))));
    assertThat(q("passed", true))
        .containsExactlyElementsOf(expected(m -> Boolean.TRUE.equals(m.get("passed"))));
    assertThat(q("passed", false))
        .containsExactlyElementsOf(expected(m -> Boolean.FALSE.equals(m.get("passed"))));
  }

  @Test
  void categoricalLookupsCombinedWithFieldsAndLabels() {
    assertThat(q("design_sample", "P53mutant1"))
        .containsExactlyElementsOf(expected(m -> "P53mutant1".equals(m.get("design_sample"))));
    assertThat(q("design_sample__contains", "P53"))
        .containsExactlyElementsOf(
            expected(m -> String.valueOf(m.get("design_sample")).contains("P53")));
    assertThat(q("design_sample__in", List.of("WT1", "P53mutant2")))
        .containsExactlyElementsOf(
            expected(
                m ->
                    m.containsKey("design_sample")
                        && List.of("WT1", "P53mutant2").contains(m.get("design_sample"))));
    Record wt = ln.records().get("name", "WT1");
    assertThat(q("design_sample", wt))
        .containsExactlyElementsOf(expected(m -> "WT1".equals(m.get("design_sample"))));
    assertThat(q("design_sample__isnull", true))
        .containsExactlyElementsOf(expected(m -> !m.containsKey("design_sample")));
    assertThatThrownBy(() -> q("design_sample", "nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Did not find a Record matching `name=nope`");
    // combined with a field lookup and a label
    var label = ln.ulabel("batch1").save();
    artifacts.get(0).ulabels().add(label);
    artifacts.get(4).ulabels().add(label);
    List<Artifact> got =
        ln.artifacts()
            .filter("design_sample", "P53mutant1")
            .filter("gc_content__lt", 0.41)
            .filter("ulabels", label)
            .filter("key__startswith", "f")
            .orderBy("id")
            .list();
    assertThat(got).containsExactly(artifacts.get(0));
    assertThat(
            ln.artifacts().filter("design_sample", "P53mutant1").filter("ulabels", label).count())
        .isEqualTo(1);
    assertThatThrownBy(() -> q("no_such_feature", 1))
        .isInstanceOf(org.lamindb.InvalidArgumentException.class);
  }

  @Test
  void includeFeaturesGivesTypedColumnsWithMissingValues() {
    Table t = ln.artifacts().orderBy("id").toDataFrame(Include.FEATURES);
    assertThat(t.columnNames())
        .containsExactly(
            "uid",
            "id",
            "key",
            "gc_content",
            "reads",
            "experiment_date",
            "note",
            "passed",
            "design_sample");
    assertThat(t.rowCount()).isEqualTo(12);
    DoubleColumn gc = (DoubleColumn) t.column("gc_content");
    LongColumn reads = (LongColumn) t.column("reads");
    DateColumn date = (DateColumn) t.column("experiment_date");
    StringColumn sample = (StringColumn) t.column("design_sample");
    for (int i = 0; i < 12; i++) {
      Map<String, Object> m = annotations.get(i);
      if (m.isEmpty()) {
        assertThat(gc.isMissing(i)).isTrue();
        assertThat(reads.isMissing(i)).isTrue();
        assertThat(date.isMissing(i)).isTrue();
        assertThat(sample.isMissing(i)).isTrue();
      } else {
        assertThat(gc.get(i)).isEqualTo(m.get("gc_content"));
        assertThat(reads.get(i)).isEqualTo(m.get("reads"));
        assertThat(date.get(i)).isEqualTo(m.get("experiment_date"));
        assertThat(sample.get(i)).isEqualTo(m.get("design_sample"));
      }
    }
    Table two =
        ln.artifacts()
            .filter("experiment_date", "2025-10-24")
            .orderBy("id")
            .toDataFrame(
                Include.features("design_sample", "gc_content").withFields("created_by__handle"));
    java.util.List<String> expected =
        new java.util.ArrayList<>(ln.artifacts().limit(1).toDataFrame().columnNames());
    expected.addAll(java.util.List.of("created_by__handle", "design_sample", "gc_content"));
    assertThat(two.columnNames()).containsExactlyElementsOf(expected); // fields add to defaults
    assertThat(two.rowCount())
        .isEqualTo(
            expected(m -> LocalDate.of(2025, 10, 24).equals(m.get("experiment_date"))).size());
    assertThatThrownBy(() -> ln.artifacts().toDataFrame(Include.features("nope")))
        .hasMessageContaining("no features named ['nope']");
  }

  @Test
  void sheetRoundTrip() {
    Feature conc = ln.feature("concentration", Dtype.FLOAT).save();
    Feature day = ln.feature("day", Dtype.DATE).save();
    Record treatment = ln.record("Treatment").isType(true).save();
    ln.record("DMSO").type(treatment).save();
    ln.record("IFNG").type(treatment).save();
    Feature treat = ln.feature("treatment", Dtype.of(treatment)).save();
    var schema = ln.schema("sample_sheet", treat, conc, day);
    assertThat(ln.schema("sample_sheet", treat, conc, day)).isEqualTo(schema);
    Record sheet = ln.record("SampleSheet").isType(true).schema(schema).save();

    Table in =
        Table.create(
            "in",
            StringColumn.create("name", "s1", "s2", "s3"),
            StringColumn.create("treatment", "DMSO", "IFNG", null),
            DoubleColumn.create("concentration", 0.1, Double.NaN, 2.5),
            DateColumn.create("day", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2), null));
    List<Record> recs = Record.fromDataFrame(in, sheet);
    assertThat(recs).extracting(Record::name).containsExactly("s1", "s2", "s3");
    Table out = sheet.toDataFrame();
    assertThat(out.columnNames())
        .containsExactly(
            "__lamindb_record_uid__",
            "__lamindb_record_name__",
            "treatment",
            "concentration",
            "day");
    assertThat(out.stringColumn("__lamindb_record_name__").asList())
        .containsExactly("s1", "s2", "s3");
    assertThat(out.stringColumn("treatment").get(0)).isEqualTo("DMSO");
    assertThat(out.stringColumn("treatment").isMissing(2)).isTrue();
    assertThat(out.doubleColumn("concentration").get(2)).isEqualTo(2.5);
    assertThat(out.doubleColumn("concentration").isMissing(1)).isTrue();
    assertThat(((DateColumn) out.column("day")).get(1)).isEqualTo(LocalDate.of(2025, 1, 2));

    // update through the exported table; a bad row fails the whole batch
    out.doubleColumn("concentration").set(1, 9.0);
    Record.fromDataFrame(out, sheet);
    assertThat(recs.get(1).features().get("concentration")).isEqualTo(9.0);
    assertThat(sheet.toDataFrame().rowCount()).isEqualTo(3);
    Table bad =
        Table.create(
            "bad",
            StringColumn.create("name", "s4", "s5"),
            StringColumn.create("treatment", "DMSO", "Unknown"),
            StringColumn.create("concentration", "x", "1"));
    assertThatThrownBy(() -> Record.fromDataFrame(bad, sheet))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not validated in feature 'treatment': 'Unknown'")
        .hasMessageContaining("failed dtype check for 'float': got str 'x' (set coerce(true)");
    assertThat(sheet.toDataFrame().rowCount()).isEqualTo(3);
    assertThatThrownBy(() -> recs.get(0).features().addValues(Map.of("gc_content", 0.5)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not in the schema of sheet 'SampleSheet'");
    // records are queried by features like artifacts
    assertThat(ln.records().filter("treatment", "IFNG").list()).containsExactly(recs.get(1));
    assertThat(ln.records().filter("concentration__gt", 1.0).orderBy("id").list())
        .containsExactly(recs.get(1), recs.get(2));
  }

  @Test
  void searchRanksExactAndPrefixMatchesFirst() {
    ln.record("Some p53 thing").save();
    ln.record("p53").save();
    ln.record("unrelated").save();
    List<Record> hits = ln.records().search("p53").list();
    assertThat(hits.get(0).name()).isEqualTo("p53");
    assertThat(hits)
        .extracting(Record::name)
        .contains("P53mutant1", "P53mutant2", "Some p53 thing")
        .doesNotContain("unrelated", "WT1");
    Table t = ln.records().search("p53").toDataFrame();
    assertThat(t.rowCount()).isEqualTo(hits.size());
  }

  @Test
  void datetimeLookupsAndFeatureColumnsOnRecordsAndRuns() {
    ln.feature("measured_at", Dtype.DATETIME).save();
    ln.feature("temperature", Dtype.FLOAT).save();
    Record r1 = ln.record("m1").save();
    Record r2 = ln.record("m2").save();
    ln.record("m3").save();
    r1.features()
        .addValues(
            Map.of(
                "measured_at", java.time.LocalDateTime.of(2024, 1, 1, 12, 0), "temperature", 21.5));
    r2.features().addValues(Map.of("measured_at", java.time.LocalDateTime.of(2024, 1, 2, 8, 30)));
    assertThat(ln.records().filter("measured_at", "2024-01-01T12:00:00").list())
        .containsExactly(r1);
    assertThat(ln.records().filter("measured_at__gt", "2024-01-01T12:00:00").list())
        .containsExactly(r2);
    assertThat(ln.records().filter("measured_at__startswith", "2024-01-0").orderBy("id").list())
        .containsExactly(r1, r2);
    Table t =
        ln.records()
            .filter("name__startswith", "m")
            .orderBy("id")
            .toDataFrame(Include.features("temperature", "measured_at"));
    assertThat(t.columnNames()).containsExactly("uid", "id", "name", "temperature", "measured_at");
    assertThat(t.doubleColumn("temperature").get(0)).isEqualTo(21.5);
    assertThat(t.doubleColumn("temperature").isMissing(1)).isTrue();
    assertThat(((tech.tablesaw.api.DateTimeColumn) t.column("measured_at")).get(1))
        .isEqualTo(java.time.LocalDateTime.of(2024, 1, 2, 8, 30));
    assertThat(t.column("measured_at").isMissing(2)).isTrue();

    var transform = new org.lamindb.model.Transform(ln).key("pipeline.py").kind("pipeline").save();
    var run = new org.lamindb.model.Run(ln).transform(transform).save();
    run.features().addValues(Map.of("temperature", 30.0, "design_sample", "WT1"));
    Table runs = ln.runs().filter("temperature__gte", 30).toDataFrame(Include.FEATURES);
    assertThat(runs.rowCount()).isEqualTo(1);
    assertThat(runs.stringColumn("design_sample").get(0)).isEqualTo("WT1");
    assertThat(ln.runs().filter("design_sample", "WT1").list()).containsExactly(run);
  }
}
