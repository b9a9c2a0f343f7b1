package org.lamindb.bionty.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.ValidationException;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.OntologyFiles;
import org.lamindb.bionty.OntologyTerm;
import org.lamindb.bionty.Synonym;

/**
 * Against src/test/resources/owl/mini-cl.owl, a hand-written file in ROBOT's RDF/XML layout (no OWL
 * file is among the shared data): 5 named classes, one deprecated, one UBERON.
 */
class OwlXmlParserTest {

  @Test
  void readsLabelsSynonymsParentsAndDeprecation() throws Exception {
    Map<String, OntologyTerm> all = new LinkedHashMap<>();
    OwlXmlParser.Header h = new OwlXmlParser(false).parse(mini(), t -> all.put(t.ontologyId(), t));
    assertThat(h.terms()).isEqualTo(5);
    assertThat(h.versionIri()).endsWith("/releases/2025-12-17/cl.owl");
    assertThat(all.keySet())
        .containsExactly("CL:0000000", "CL:0000542", "CL:0000084", "CL:0000999", "UBERON:0000178");
    assertThat(all.get("CL:0000000").name()).isEqualTo("cell"); // the English label
    assertThat(all.get("CL:0000542").parents())
        .containsExactly("CL:0000000"); // &obo; entity expanded
    OntologyTerm t = all.get("CL:0000084");
    assertThat(t.name()).isEqualTo("T cell");
    assertThat(t.description()).startsWith("A type of lymphocyte");
    assertThat(t.exactSynonyms()).containsExactly("T-cell", "T lymphocyte");
    assertThat(t.synonyms()).contains(new Synonym("immature T cell", Synonym.Scope.RELATED));
    assertThat(t.parents()).containsExactly("CL:0000542"); // restrictions only with part_of enabled
    assertThat(all.get("CL:0000999").obsolete()).isTrue();
  }

  @Test
  void partOfRestrictionsCountForTissuesAndStages() throws Exception {
    Map<String, OntologyTerm> all = new LinkedHashMap<>();
    new OwlXmlParser(true).parse(mini(), t -> all.put(t.ontologyId(), t));
    assertThat(all.get("CL:0000084").parents()).containsExactly("CL:0000542", "CL:0000000");
  }

  @Test
  void bionTyRulesDropDeprecatedAndOtherPrefixes() throws Exception {
    Map<String, OntologyTerm> kept = new LinkedHashMap<>();
    OntologyFiles.ReadSummary s =
        OntologyFiles.readTerms(
            mini(), BiontyEntity.CELL_TYPE, "cl", t -> kept.put(t.ontologyId(), t));
    assertThat(kept.keySet()).containsExactly("CL:0000000", "CL:0000542", "CL:0000084");
    assertThat(s.droppedObsolete()).isEqualTo(1);
    assertThat(s.droppedOtherPrefix()).isEqualTo(1);
    assertThat(s.version()).isEqualTo("2025-12-17");
    assertThat(s.format()).isEqualTo(OntologyFiles.Format.OWL);
  }

  @Test
  void truncatedXmlIsAnErrorWithLineNumber(@TempDir Path tmp) throws Exception {
    String text = Files.readString(mini());
    Path cut = tmp.resolve("cut.owl");
    int at = text.indexOf("<rdfs:label>T cell");
    Files.writeString(cut, text.substring(0, at + 5));
    long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    assertThatThrownBy(() -> new OwlXmlParser(false).parse(cut, t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cut.owl:" + line)
        .hasMessageContaining("invalid RDF/XML");
  }

  private static Path mini() throws URISyntaxException, IOException {
    return Path.of(OwlXmlParserTest.class.getResource("/owl/mini-cl.owl").toURI());
  }
}
