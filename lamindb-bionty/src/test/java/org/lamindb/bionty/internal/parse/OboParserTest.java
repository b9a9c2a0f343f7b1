package org.lamindb.bionty.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lamindb.ValidationException;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.OntologyFiles;
import org.lamindb.bionty.OntologyTerm;
import org.lamindb.bionty.SharedData;
import org.lamindb.bionty.Synonym;

class OboParserTest {

  /**
   * Kept terms per file = non-obsolete [Term] stanzas with the source's prefix. Computed with:
   *
   * <pre>
   * awk 'BEGIN{RS="";FS="\n"} /^\[Term\]/ {id="";obs=0; for(i=1;i<=NF;i++){ if($i ~ /^id: /) id=substr($i,5);
   *   if($i ~ /^is_obsolete: true/) obs=1 } split(id,a,":"); c[a[1]" obs="obs]++} END{for(k in c) print c[k], k}' F
   * </pre>
   *
   * (cl-basic: 2523 CL obs=0, 146 CL obs=1, 9 CP obs=1; no non-obsolete name starts with
   * "obsolete").
   */
  @ParameterizedTest
  @CsvSource({
    "cl-basic.obo, CELL_TYPE, 2523, 155, 2022-08-16",
    "doid.obo, DISEASE, 6971, 2373, 2016-09-01",
    "hsapdv.obo, DEVELOPMENTAL_STAGE, 239, 21, ",
    "mmusdv.obo, DEVELOPMENTAL_STAGE, 134, 44, ",
    "pato.obo, PHENOTYPE, 1887, 898, 2025-05-14"
  })
  void keepsNonObsoleteTermsOfTheSourcePrefix(
      String file, BiontyEntity entity, long kept, long obsolete, String version) {
    List<OntologyTerm> terms = new ArrayList<>();
    OntologyFiles.ReadSummary s =
        OntologyFiles.readTerms(SharedData.file(file), entity, null, terms::add);
    assertThat(terms).hasSize((int) kept);
    assertThat(s.kept()).isEqualTo(kept);
    assertThat(s.droppedObsolete()).isEqualTo(obsolete);
    assertThat(s.version()).isEqualTo(version);
    assertThat(terms).noneMatch(OntologyTerm::obsolete);
  }

  @Test
  void tCellHasExactSynonymsDefinitionAndIsAParent() {
    Map<String, OntologyTerm> byId = read("cl-basic.obo", BiontyEntity.CELL_TYPE);
    OntologyTerm t = byId.get("CL:0000084");
    // grep -A25 '^id: CL:0000084$' cl-basic.obo
    assertThat(t.name()).isEqualTo("T cell");
    assertThat(t.description())
        .isEqualTo(
            "A type of lymphocyte whose defining characteristic is the "
                + "expression of a T cell receptor complex.");
    assertThat(t.exactSynonyms()).containsExactly("T lymphocyte", "T-cell", "T-lymphocyte");
    assertThat(t.synonymsColumn()).isEqualTo("T lymphocyte|T-cell|T-lymphocyte");
    assertThat(t.synonyms()).contains(new Synonym("immature T cell", Synonym.Scope.RELATED));
    assertThat(t.parents()).containsExactly("CL:0000542"); // develops_from is not a parent
  }

  @Test
  void clParentsAreAllIsALinksOfKeptTerms() {
    // awk over non-obsolete stanzas counting distinct "is_a: CL:" targets per term: 3541
    long links =
        read("cl-basic.obo", BiontyEntity.CELL_TYPE).values().stream()
            .mapToLong(t -> t.parents().size())
            .sum();
    assertThat(links).isEqualTo(3541);
  }

  @Test
  void developmentalStagesAlsoTakePartOfAsParents() {
    Map<String, OntologyTerm> byId = read("hsapdv.obo", BiontyEntity.DEVELOPMENTAL_STAGE);
    assertThat(byId.get("HsapDv:0000003").parents())
        .containsExactly("HsapDv:0000000", "HsapDv:0000002");
    // distinct is_a + part_of HsapDv targets over non-obsolete terms (awk): 475; the cellxgene JSON
    // has the
    // same number of distance-1 ancestors (jq), which cross-checks both parsers
    long links = byId.values().stream().mapToLong(t -> t.parents().size()).sum();
    assertThat(links).isEqualTo(475);
  }

  @Test
  void cellTypesIgnorePartOf() {
    Map<String, OntologyTerm> byId = read("hsapdv.obo", BiontyEntity.CELL_TYPE);
    assertThat(byId.get("HsapDv:0000003").parents()).containsExactly("HsapDv:0000000");
  }

  @Test
  void parsesEscapesQualifiersAndOldSynonymTags() throws IOException {
    String obo =
        """
        format-version: 1.2
        ontology: x

        [Term]
        id: X:1
        name: first
        def: "Says \\"hi\\" here." [ref:1]
        synonym: "uno" EXACT [ref:2]
        exact_synonym: "eins" []
        synonym: "no scope" []
        is_a: X:0 {source="y"} ! root

        [Typedef]
        id: part_of
        name: part of

        [Term]
        id: X:2
        name: second
        is_obsolete: true
        """;
    List<OntologyTerm> terms = parse(obo);
    assertThat(terms).hasSize(2);
    OntologyTerm first = terms.get(0);
    assertThat(first.description()).isEqualTo("Says \"hi\" here.");
    assertThat(first.exactSynonyms()).containsExactly("uno", "eins");
    assertThat(first.synonyms()).contains(new Synonym("no scope", Synonym.Scope.RELATED));
    assertThat(first.parents()).containsExactly("X:0");
    assertThat(terms.get(1).obsolete()).isTrue();
  }

  @Test
  void unknownStanzaIsAnErrorWithLineNumber() {
    String obo = "format-version: 1.2\n\n[Term]\nid: X:1\nname: a\n\n[Frobnicate]\nid: y\n";
    assertThatThrownBy(() -> parse(obo))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("test.obo:7")
        .hasMessageContaining("unknown stanza [Frobnicate]");
  }

  @Test
  void termWithoutIdIsAnErrorAtItsStanzaLine() {
    String obo = "format-version: 1.2\n\n[Term]\nid: X:1\nname: a\n\n[Term]\nname: no id\n";
    assertThatThrownBy(() -> parse(obo))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("test.obo:7")
        .hasMessageContaining("without id");
  }

  @Test
  void unterminatedQuoteIsAnError() {
    String obo = "[Term]\nid: X:1\nname: a\ndef: \"never closed [x]\n";
    assertThatThrownBy(() -> parse(obo))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("test.obo:4")
        .hasMessageContaining("unterminated");
  }

  @Test
  void malformedLineIsAnError() {
    String obo = "[Term]\nid: X:1\nname: a\nthis line has no tag\n";
    assertThatThrownBy(() -> parse(obo))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("test.obo:4")
        .hasMessageContaining("malformed line");
  }

  @Test
  void truncatedRealFileIsAnErrorWithItsLastLine(@TempDir Path tmp) throws IOException {
    byte[] all = Files.readAllBytes(SharedData.file("cl-basic.obo"));
    // cut two bytes into the first "name: " value after byte 600,000 (ISO-8859-1 keeps byte
    // offsets)
    String bytes = new String(all, StandardCharsets.ISO_8859_1);
    int at = bytes.indexOf("\nname: ", 600_000) + 9;
    Path cut = tmp.resolve("cl-cut.obo");
    Files.write(cut, java.util.Arrays.copyOf(all, at));
    long expectedLine = bytes.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    List<OntologyTerm> got = new ArrayList<>();
    assertThatThrownBy(() -> new OboParser(Set.of()).parse(cut, got::add))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cl-cut.obo:" + expectedLine)
        .hasMessageContaining("truncated");
  }

  private static List<OntologyTerm> parse(String obo) throws IOException {
    List<OntologyTerm> terms = new ArrayList<>();
    new OboParser(Set.of())
        .parse(
            new ByteArrayInputStream(obo.getBytes(StandardCharsets.UTF_8)),
            Path.of("test.obo"),
            terms::add);
    return terms;
  }

  private static Map<String, OntologyTerm> read(String file, BiontyEntity entity) {
    Map<String, OntologyTerm> byId = new HashMap<>();
    OntologyFiles.readTerms(SharedData.file(file), entity, null, t -> byId.put(t.ontologyId(), t));
    return byId;
  }
}
