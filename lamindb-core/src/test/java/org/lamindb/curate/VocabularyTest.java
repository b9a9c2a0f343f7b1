package org.lamindb.curate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  // three records: name and pipe-separated synonyms; "ABC1" is a synonym of two records
  private final Vocabulary v =
      Vocabulary.of(
          List.of("T cell", "B cell", "ABCA1", "HEATR6"),
          Arrays.asList("T-cell|T lymphocyte|T cell", "B lymphocyte", "ABC1|HDLDT1", "ABC1"));

  @Test
  void validateIsExactAndCaseSensitive() {
    assertThat(v.validate(List.of("T cell", "t cell", "T-cell", "B cell", "")))
        .containsExactly(true, false, false, true, false);
  }

  @Test
  void standardizeFollowsExactThenCaseThenSynonym() {
    assertThat(
            v.standardize(
                List.of("T cell", "t CELL", "t-cell", "B lymphocyte", "unknown"),
                false,
                Vocabulary.Keep.FIRST,
                null))
        .containsExactly("T cell", "T cell", "T cell", "B cell", "unknown");
  }

  @Test
  void caseSensitiveStandardizeIgnoresOtherCasing() {
    assertThat(
            v.standardize(List.of("t cell", "T-cell", "t-cell"), true, Vocabulary.Keep.FIRST, null))
        .containsExactly("t cell", "T cell", "t-cell");
  }

  @Test
  void keepDecidesAmbiguousSynonyms() {
    assertThat(v.standardize(List.of("ABC1"), false, Vocabulary.Keep.FIRST, null))
        .containsExactly("ABCA1");
    assertThat(v.standardize(List.of("ABC1"), false, Vocabulary.Keep.LAST, null))
        .containsExactly("HEATR6");
  }

  @Test
  void returnFieldMapsToAnotherColumn() {
    List<String> ids = List.of("CL:0000084", "CL:0000236", "ENSG00000165029", "ENSG00000068097");
    assertThat(v.standardize(List.of("T lymphocyte", "nope"), false, Vocabulary.Keep.FIRST, ids))
        .containsExactly("CL:0000084", "nope");
  }

  @Test
  void mapperHasOnlyChangedValues() {
    Map<String, String> m =
        v.standardizeMapper(
            List.of("T cell", "b cell", "T-cell", "x"), false, Vocabulary.Keep.FIRST, null);
    assertThat(m).containsExactly(Map.entry("b cell", "B cell"), Map.entry("T-cell", "T cell"));
  }

  @Test
  void inspectSplitsAndHints() {
    InspectResult r =
        v.inspect(List.of("T cell", "T cell", "t cell", "T-cell", "unicorn", ""), "name", true);
    assertThat(r.validated()).containsExactly("T cell");
    assertThat(r.nonValidated()).containsExactly("t cell", "T-cell", "unicorn");
    assertThat(r.synonymsMapper())
        .containsExactly(Map.entry("t cell", "T cell"), Map.entry("T-cell", "T cell"));
    assertThat(r.nUnique()).isEqualTo(4);
    assertThat(r.nEmpty()).isEqualTo(2);
    assertThat(r.fracValidated()).isEqualTo(0.25);
    // 3 of 4 not validated: round(75.0, 1) -> 75.00% / 25.00%
    assertThat(r.messages())
        .containsExactly(
            "! received 4 unique terms, 2 empty/duplicated terms are ignored",
            "✓ 1 unique term (25.00%) is validated for name",
            "! 3 unique terms (75.00%) are not validated for name: 't cell', 'T-cell', 'unicorn'",
            "   detected 2 unique terms with inconsistent casing/synonyms: t cell, T-cell",
            "→  standardize terms via .standardize()");
  }

  @Test
  void inspectWithoutSynonymsGivesNoHints() {
    InspectResult r = v.inspect(List.of("t cell"), "ontology_id", false);
    assertThat(r.synonymsMapper()).isEmpty();
    assertThat(r.nonValidated()).containsExactly("t cell");
  }

  @Test
  void emptyInputSaysZeroLength() {
    assertThat(v.inspect(List.of(), "name", true).messages())
        .containsExactly("! input has zero length");
  }

  @Test
  void percentagesRoundToOneDecimal() {
    // 1 of 3 not validated: 33.333 -> 33.3 -> "33.30%"; validated 100 - 33.3 = 66.7 -> "66.70%"
    InspectResult r = v.inspect(List.of("T cell", "B cell", "zzz"), "name", false);
    assertThat(r.messages())
        .containsExactly(
            "✓ 2 unique terms (66.70%) are validated for name",
            "! 1 unique term (33.30%) is not validated for name: 'zzz'");
  }
}
