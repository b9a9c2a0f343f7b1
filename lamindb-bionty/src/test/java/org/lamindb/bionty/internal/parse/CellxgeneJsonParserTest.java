package org.lamindb.bionty.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lamindb.ValidationException;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.OntologyFiles;
import org.lamindb.bionty.OntologyTerm;
import org.lamindb.bionty.SharedData;

class CellxgeneJsonParserTest {

  /**
   * Non-deprecated terms: {@code jq '[to_entries[] | select(.value.deprecated==false)] | length'
   * F}; parent links: {@code jq '[.[] | select(.deprecated==false) | .ancestors | to_entries[] |
   * select(.value==1)] | length' F} (every distance-1 ancestor has the file's own prefix, checked
   * with python's Counter).
   */
  @ParameterizedTest
  @CsvSource({
    "CL-ontology-v2025-04-10.json, CELL_TYPE, 2902, 4085, 2025-04-10",
    "UBERON-ontology-v2025-05-28.json, TISSUE, 14624, 30993, 2025-05-28",
    "MONDO-ontology-v2025-05-06.json, DISEASE, 26264, 39161, 2025-05-06",
    "HsapDv-ontology-v2025-01-23.json, DEVELOPMENTAL_STAGE, 239, 475, 2025-01-23",
    "MmusDv-ontology-v2025-01-23.json, DEVELOPMENTAL_STAGE, 134, 265, 2025-01-23",
    "PATO-ontology-v2025-05-14.json, PHENOTYPE, 1887, 2227, 2025-05-14"
  })
  void keepsNonDeprecatedTermsWithDirectParents(
      String file, BiontyEntity entity, long kept, long links, String version) {
    List<OntologyTerm> terms = new ArrayList<>();
    OntologyFiles.ReadSummary s =
        OntologyFiles.readTerms(SharedData.file(file), entity, null, terms::add);
    assertThat(terms).hasSize((int) kept);
    assertThat(s.version()).isEqualTo(version);
    assertThat(s.format()).isEqualTo(OntologyFiles.Format.CELLXGENE_JSON);
    assertThat(terms.stream().mapToLong(t -> t.parents().size()).sum()).isEqualTo(links);
  }

  @Test
  void tCellAndDiabetesMatchJq() {
    // jq -c '."CL:0000084" | {label: .label, synonyms: .synonyms,
    //   parents: [.ancestors | to_entries[] | select(.value==1) | .key]}'
    // CL-ontology-v2025-04-10.json
    Map<String, OntologyTerm> cl = read("CL-ontology-v2025-04-10.json", BiontyEntity.CELL_TYPE);
    OntologyTerm t = cl.get("CL:0000084");
    assertThat(t.name()).isEqualTo("T cell");
    assertThat(t.exactSynonyms()).containsExactly("T lymphocyte", "T-cell", "T-lymphocyte");
    assertThat(t.parents()).containsExactly("CL:0000542");

    Map<String, OntologyTerm> mondo = read("MONDO-ontology-v2025-05-06.json", BiontyEntity.DISEASE);
    OntologyTerm dm = mondo.get("MONDO:0005015");
    assertThat(dm.name()).isEqualTo("diabetes mellitus");
    // the file lists the label itself among the synonyms; it is not kept as a synonym
    assertThat(dm.exactSynonyms()).containsExactly("DM", "diabetes", "diabetes mellitus (disease)");
    assertThat(dm.parents()).containsExactly("MONDO:0001933", "MONDO:0002908");
  }

  @Test
  void truncatedJsonIsAnErrorWithLineNumber(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("bad.json");
    Files.writeString(
        f, "{\n\"X:1\": {\"label\": \"a\", \"deprecated\": false},\n\"X:2\": {\"label\": \"b");
    assertThatThrownBy(() -> new CellxgeneJsonParser().parse(f, t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("bad.json:3")
        .hasMessageContaining("invalid JSON");
  }

  @Test
  void wrongTypesAreErrorsWithLineNumber(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("types.json");
    Files.writeString(f, "{\n\"X:1\": {\"label\": \"a\"},\n\"X:2\": {\"label\": 7}\n}");
    assertThatThrownBy(() -> new CellxgeneJsonParser().parse(f, t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("types.json:3")
        .hasMessageContaining("'label' must be a string");
    Files.writeString(f, "[1, 2]");
    assertThatThrownBy(() -> new CellxgeneJsonParser().parse(f, t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("top level must be an object");
  }

  @Test
  void emptyIdIsAnError(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("noid.json");
    Files.writeString(f, "{\"\": {\"label\": \"a\"}}");
    assertThatThrownBy(() -> new CellxgeneJsonParser().parse(f, t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("empty id");
  }

  private static Map<String, OntologyTerm> read(String file, BiontyEntity entity) {
    Map<String, OntologyTerm> byId = new HashMap<>();
    OntologyFiles.readTerms(SharedData.file(file), entity, null, t -> byId.put(t.ontologyId(), t));
    return byId;
  }
}
