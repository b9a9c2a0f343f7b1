package org.lamindb.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Record;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.ULabel;
import org.lamindb.testing.Backend;

/**
 * Query-set validation helpers (LaminDB's {@code CanCurate}: validate, inspect, standardize,
 * from_values) on ULabel, Record and Feature; bionty spec §4.
 */
abstract class AbstractValidateTest {
  @TempDir Path tmp;
  LaminDB ln;
  ULabel perturbation;
  ULabel cellLine;
  Record sample;
  Feature gc;
  Feature reads;
  Feature nCells;

  abstract Backend backend();

  @BeforeEach
  void open() {
    ln = backend().newInstance(tmp);
    perturbation = ln.ulabel("Perturbation").isType(true).save();
    ln.ulabel("DMSO").type(perturbation).save();
    ln.ulabel("IFNG").type(perturbation).save();
    cellLine = ln.ulabel("CellLine").isType(true).save();
    ln.ulabel("HEK293").type(cellLine).save();
    ln.ulabel("K562").type(cellLine).save();
    ln.ulabel("Experiment 1").save();
    ln.ulabel("Retired").save().delete(); // in the trash: never validates

    sample = ln.record("Sample").isType(true).save();
    for (String s : List.of("P53mutant1", "P53mutant2", "WT1")) {
      ln.record(s).type(sample).save();
    }

    gc = ln.feature("gc_content", Dtype.FLOAT).synonyms(List.of("gc", "GC fraction")).save();
    reads = ln.feature("reads", Dtype.INT).synonyms(List.of("read count", "count")).save();
    // "count" is also a synonym of n_cells, created later: the first feature (by id) wins
    nCells = ln.feature("n_cells", Dtype.INT).synonyms(List.of("count", "cells")).save();
    ln.feature("experiment_date", Dtype.DATE).save();
  }

  @AfterEach
  void close() {
    ln.close();
  }

  private static boolean[] bools(Boolean... b) {
    boolean[] out = new boolean[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[i];
    }
    return out;
  }

  // ---- validate

  @Test
  void validateIsExactAndCaseSensitivePerInputValue() {
    List<String> in = Arrays.asList("DMSO", "dmso", "IFNG", null, "", "DMSO", "nope", "HEK293");
    assertThat(ln.ulabels().validate(in))
        .containsExactly(bools(true, false, true, false, false, true, false, true));
  }

  @Test
  void validateIgnoresTrashedRecords() {
    assertThat(ln.ulabels().validate(List.of("Retired", "Experiment 1")))
        .containsExactly(false, true);
    // also by uid (a lookup on uid would see the trash; validation must not)
    String retired = ln.ulabels().filter("branch_id", -1L).get("name", "Retired").uid();
    String dmso = ln.ulabels().get("name", "DMSO").uid();
    assertThat(ln.ulabels().validate(List.of(retired, dmso), "uid")).containsExactly(false, true);
    List<String> many = new ArrayList<>(List.of(retired, dmso));
    for (int i = 0; i < 1500; i++) {
      many.add("u" + i); // more values than are pushed into the SQL: the full read must agree
    }
    boolean[] v = ln.ulabels().validate(many, "uid");
    assertThat(v[0]).isFalse();
    assertThat(v[1]).isTrue();
    assertThat(ln.ulabels().inspect(List.of(retired), "uid").validated()).isEmpty();
  }

  @Test
  void filteredQuerySetNarrowsTheVocabulary() {
    List<String> in = List.of("DMSO", "HEK293", "Perturbation", "Experiment 1");
    assertThat(ln.ulabels().validate(in)).containsExactly(true, true, true, true);
    assertThat(ln.ulabels().filter("type", perturbation).validate(in))
        .containsExactly(true, false, false, false);
    assertThat(ln.ulabels().filter("type__name", "CellLine").validate(in))
        .containsExactly(false, true, false, false);
    assertThat(ln.ulabels().filter("type", perturbation).standardize(List.of("dmso", "hek293")))
        .containsExactly("DMSO", "hek293");
    // a limit picks rows first: by name the first two labels are CellLine and DMSO
    assertThat(ln.ulabels().orderBy("name").limit(2).validate(List.of("DMSO", "IFNG", "CellLine")))
        .containsExactly(true, false, true);
    InspectResult r = ln.ulabels().filter("type", cellLine).inspect(List.of("K562", "dmso"));
    assertThat(r.validated()).containsExactly("K562");
    assertThat(r.nonValidated()).containsExactly("dmso");
    assertThat(r.synonymsMapper()).isEmpty();
  }

  @Test
  void recordsOfOneTypeValidate() {
    List<String> in = List.of("P53mutant1", "WT1", "Sample", "wt1");
    assertThat(ln.records().validate(in)).containsExactly(true, true, true, false);
    assertThat(ln.records().filter("type", sample).validate(in))
        .containsExactly(true, true, false, false);
  }

  @Test
  void validateOnAnotherTextField() {
    String uid = ln.ulabels().get("name", "IFNG").uid();
    assertThat(ln.ulabels().validate(List.of(uid, "IFNG"), "uid")).containsExactly(true, false);
  }

  @Test
  void synonymsNeverValidate() {
    assertThat(ln.features().validate(List.of("gc_content", "gc", "GC fraction")))
        .containsExactly(true, false, false);
  }

  // ---- inspect

  @Test
  void inspectReportsCasingHintsDuplicatesAndNulls() {
    List<String> in =
        Arrays.asList("DMSO", "dmso", "Dmso", "IFNG", "unknown", "DMSO", null, "", "IFNG");
    InspectResult r = ln.ulabels().inspect(in);
    assertThat(r.validated()).containsExactly("DMSO", "IFNG");
    assertThat(r.nonValidated()).containsExactly("dmso", "Dmso", "unknown");
    assertThat(r.synonymsMapper())
        .containsExactly(Map.entry("dmso", "DMSO"), Map.entry("Dmso", "DMSO"));
    assertThat(r.nUnique()).isEqualTo(5);
    assertThat(r.nEmpty()).isEqualTo(4);
    assertThat(r.fracValidated()).isEqualTo(0.4);
    assertThat(r.allValidated()).isFalse();
    assertThat(r.messages())
        .containsExactly(
            "! received 5 unique terms, 4 empty/duplicated terms are ignored",
            "✓ 2 unique terms (40.00%) are validated for name",
            "! 3 unique terms (60.00%) are not validated for name: 'dmso', 'Dmso', 'unknown'",
            "   detected 2 unique terms with inconsistent casing: dmso, Dmso",
            "→  standardize terms via .standardize()");
  }

  @Test
  void inspectUsesSynonymsOfFeatures() {
    InspectResult r =
        ln.features().inspect(List.of("gc_content", "GC_CONTENT", "gc", "Read Count", "unknown"));
    assertThat(r.validated()).containsExactly("gc_content");
    assertThat(r.nonValidated()).containsExactly("GC_CONTENT", "gc", "Read Count", "unknown");
    assertThat(r.synonymsMapper())
        .containsExactly(
            Map.entry("GC_CONTENT", "gc_content"),
            Map.entry("gc", "gc_content"),
            Map.entry("Read Count", "reads"));
    assertThat(r.messages())
        .contains(
            "✓ 1 unique term (20.00%) is validated for name",
            "   detected 3 unique terms with inconsistent casing/synonyms: GC_CONTENT, gc, Read Count");
  }

  @Test
  void inspectOnAnotherFieldGivesNoHints() {
    InspectResult r = ln.features().inspect(List.of("gc", "GC_CONTENT"), "description");
    assertThat(r.validated()).isEmpty();
    assertThat(r.nonValidated()).containsExactly("gc", "GC_CONTENT");
    assertThat(r.synonymsMapper()).isEmpty();
    assertThat(r.messages())
        .containsExactly(
            "! 2 unique terms (100.00%) are not validated for description: 'gc', 'GC_CONTENT'");
  }

  @Test
  void allValidatedReport() {
    InspectResult r = ln.records().inspect(List.of("WT1", "P53mutant2"));
    assertThat(r.allValidated()).isTrue();
    assertThat(r.messages()).containsExactly("✓ 2 unique terms (100.00%) are validated for name");
  }

  @Test
  void emptyRegistryValidatesNothingAndWarns() {
    assertThat(ln.references().count()).isZero();
    assertThat(ln.references().validate(List.of("WT1", "x"))).containsExactly(false, false);
    InspectResult r = ln.references().inspect(Arrays.asList("WT1", "x", "x", null));
    assertThat(r.validated()).isEmpty();
    assertThat(r.nonValidated()).containsExactly("WT1", "x");
    assertThat(r.nUnique()).isEqualTo(2);
    assertThat(r.nEmpty()).isEqualTo(2);
    assertThat(r.messages())
        .containsExactly("! Your Reference registry is empty, consider populating it first!");
    assertThat(ln.references().standardize(List.of("wt1"))).containsExactly("wt1");
    // a filter that matches nothing reads the same way
    assertThat(ln.ulabels().filter("name", "no such label").inspect(List.of("DMSO")).messages())
        .containsExactly("! Your ULabel registry is empty, consider populating it first!");
  }

  @Test
  void emptyInput() {
    assertThat(ln.ulabels().validate(List.of())).isEmpty();
    InspectResult r = ln.ulabels().inspect(List.of());
    assertThat(r.nUnique()).isZero();
    assertThat(r.messages()).containsExactly("! input has zero length");
    assertThat(ln.ulabels().standardize(List.of())).isEmpty();
    assertThat(ln.ulabels().standardizeMapper(List.of())).isEmpty();
    assertThat(ln.ulabels().fromValues(List.of())).isEmpty();
  }

  // ---- standardize

  @Test
  void standardizeMapsCaseAndSynonymsToNames() {
    List<String> in =
        Arrays.asList(
            "gc_content",
            "GC_CONTENT",
            "gc",
            "gc fraction",
            "read count",
            "count",
            "cells",
            "x",
            null);
    assertThat(ln.features().standardize(in))
        .containsExactly(
            "gc_content",
            "gc_content",
            "gc_content",
            "gc_content",
            "reads",
            "reads",
            "n_cells",
            "x",
            null);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("GC_CONTENT", "gc_content");
    expected.put("gc", "gc_content");
    expected.put("gc fraction", "gc_content");
    expected.put("read count", "reads");
    expected.put("count", "reads");
    expected.put("cells", "n_cells");
    assertThat(ln.features().standardizeMapper(in)).containsExactlyEntriesOf(expected);
  }

  @Test
  void standardizeWithoutSynonymsColumnUsesCaseOnly() {
    assertThat(ln.ulabels().standardize(Arrays.asList("dmso", "Ifng", "K562", "kk", null)))
        .containsExactly("DMSO", "IFNG", "K562", "kk", null);
  }

  @Test
  void standardizeToAnotherField() {
    assertThat(ln.features().standardize(List.of("gc", "READS", "nope"), "name", "uid"))
        .containsExactly(gc.uid(), reads.uid(), "nope");
  }

  @Test
  void synonymsOnlyCountForTheNameField() {
    // "gc" is a synonym of gc_content, but matching on description ignores synonyms
    ln.features().filter("name", "reads").update(Map.of("description", "Reads"));
    assertThat(ln.features().standardize(List.of("gc", "reads"), "description"))
        .containsExactly("gc", "Reads");
  }

  // ---- fromValues

  @Test
  void fromValuesReturnsExistingRecordsOncePerRecord() {
    List<Feature> f =
        ln.features().fromValues(Arrays.asList("gc", "gc_content", "Reads", null, "x", "count"));
    assertThat(f).extracting(Feature::name).containsExactly("gc_content", "reads");
    assertThat(f).extracting(SQLRecord::id).containsExactly(gc.id(), reads.id());
    List<Record> r =
        ln.records().filter("type", sample).fromValues(List.of("wt1", "P53mutant1", "Sample"));
    assertThat(r).extracting(Record::name).containsExactly("WT1", "P53mutant1");
  }

  // ---- errors

  @Test
  void unknownFieldListsTheValidOnes() {
    assertThatThrownBy(() -> ln.ulabels().validate(List.of("DMSO"), "nam"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage(
            "ULabel has no text field 'nam' to validate against; did you mean 'name'?;"
                + " valid fields: uid, name, description, reference, reference_type");
    assertThatThrownBy(() -> ln.features().inspect(List.of("x"), "array_rank"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("Feature has no text field 'array_rank'")
        .hasMessageContaining("valid fields: uid, name, unit, description, synonyms");
    assertThatThrownBy(() -> ln.records().standardize(List.of("x"), "name", "zzz_field"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("Record has no text field 'zzz_field'");
  }

  @Test
  void manyValuesAgainstManyRecords() {
    // 500 labels of one type; validate every second one plus as many unknowns, twice over
    ULabel batch = ln.ulabel("Batch").isType(true).save();
    for (int i = 0; i < 500; i++) {
      ln.ulabel("b" + i).type(batch).save();
    }
    List<String> in = new ArrayList<>();
    for (int i = 0; i < 1000; i += 2) {
      in.add("b" + i); // valid when i < 500
    }
    in.addAll(new ArrayList<>(in)); // duplicates
    boolean[] v = ln.ulabels().filter("type", batch).validate(in);
    for (int k = 0; k < in.size(); k++) {
      int i = Integer.parseInt(in.get(k).substring(1));
      assertThat(v[k]).as(in.get(k)).isEqualTo(i < 500);
    }
    InspectResult r = ln.ulabels().filter("type", batch).inspect(in);
    assertThat(r.validated()).hasSize(250);
    assertThat(r.nonValidated()).hasSize(250);
    assertThat(r.nEmpty()).isEqualTo(500);
  }
}
