package org.lamindb.bionty.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
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

/**
 * The OWL importer (OWL API 5) against OWL files written by OWL API itself from the shared OBO
 * files (see {@link ConvertedOntologies}; OWL API's OBO parser, not ours), plus the hand-written
 * src/test/resources/owl/mini-cl.owl for language tags and restrictions.
 *
 * <p>Expected counts come from the OBO files with awk, not from our code:
 *
 * <pre>
 * # kept terms: [Term] stanzas with an id of prefix P, a name not starting with "obsolete", not
 * # is_obsolete
 * awk -v P=CL '
 *   function flush() { if (inT &amp;&amp; id ~ "^" P ":" &amp;&amp; name != "" &amp;&amp; name !~ /^obsolete/ &amp;&amp; !obs) n++ }
 *   /^\[/ { flush(); inT = ($0 == "[Term]"); id = ""; name = ""; obs = 0; next }
 *   /^id: / { id = $2 }  /^name: / { name = substr($0, 7) }  /^is_obsolete: true/ { obs = 1 }
 *   END { flush(); print n }' cl-basic.obo                     # 2523; pato.obo PATO 1887; hsapdv.obo HsapDv 239
 * # parent links: the same, counting distinct is_a targets with prefix P (plus
 * # "relationship: part_of" targets for DevelopmentalStage):
 * # cl-basic 3541, pato 2227, hsapdv 475 with part_of (238 without)
 * </pre>
 */
class OwlParserTest {

  @ParameterizedTest
  @CsvSource({
    "cl-basic.obo, CELL_TYPE, cl, 2523, 3541, 2022-08-16",
    "pato.obo, PHENOTYPE, pato, 1887, 2227, 2025-05-14",
    "hsapdv.obo, DEVELOPMENTAL_STAGE, hsapdv, 239, 475, ",
    "hsapdv.obo, PHENOTYPE, hsapdv, 239, 238, "
  })
  void keptTermsAndLinksMatchTheOboFile(
      String obo, BiontyEntity entity, String source, long kept, long links, String version) {
    Path owl = ConvertedOntologies.rdfXml(obo);
    Map<String, OntologyTerm> terms = new LinkedHashMap<>();
    OntologyFiles.ReadSummary s =
        OntologyFiles.readTerms(owl, entity, null, t -> terms.put(t.ontologyId(), t));
    assertThat(s.format()).isEqualTo(OntologyFiles.Format.OWL);
    assertThat(s.sourceName()).isEqualTo(source); // from the ontology IRI, e.g. .../obo/cl.owl
    assertThat(s.kept()).isEqualTo(kept);
    assertThat(terms).hasSize((int) kept);
    assertThat(terms.values().stream().mapToLong(t -> t.parents().size()).sum()).isEqualTo(links);
    assertThat(s.version()).isEqualTo(version);
  }

  /** Every kept term equals what the OBO parser reads from the original file for the same id. */
  @ParameterizedTest
  @CsvSource({
    "cl-basic.obo, CELL_TYPE",
    "pato.obo, PHENOTYPE",
    "hsapdv.obo, DEVELOPMENTAL_STAGE",
    "mmusdv.obo, DEVELOPMENTAL_STAGE"
  })
  void everyTermMatchesTheOboParser(String obo, BiontyEntity entity) {
    Map<String, OntologyTerm> fromObo = read(SharedData.file(obo), entity);
    Map<String, OntologyTerm> fromOwl = read(ConvertedOntologies.rdfXml(obo), entity);
    assertThat(fromOwl.keySet()).isEqualTo(fromObo.keySet());
    for (OntologyTerm o : fromObo.values()) {
      OntologyTerm w = fromOwl.get(o.ontologyId());
      assertThat(w.name()).as(o.ontologyId()).isEqualTo(o.name());
      assertThat(w.description()).as(o.ontologyId()).isEqualTo(o.description());
      assertThat(new HashSet<>(w.synonyms()))
          .as(o.ontologyId())
          .isEqualTo(new HashSet<>(o.synonyms()));
      assertThat(new HashSet<>(w.parents()))
          .as(o.ontologyId())
          .isEqualTo(new HashSet<>(o.parents()));
    }
  }

  @Test
  void tCellAsTheOboFileStatesIt() {
    // cl-basic.obo lines 864-880: name, def, 3 EXACT and 2 RELATED synonyms, is_a CL:0000542
    Map<String, OntologyTerm> cl =
        read(ConvertedOntologies.rdfXml("cl-basic.obo"), BiontyEntity.CELL_TYPE);
    OntologyTerm t = cl.get("CL:0000084");
    assertThat(t.name()).isEqualTo("T cell");
    assertThat(t.description())
        .isEqualTo(
            "A type of lymphocyte whose defining characteristic is the expression of a T cell"
                + " receptor complex.");
    assertThat(t.exactSynonyms())
        .containsExactlyInAnyOrder("T lymphocyte", "T-cell", "T-lymphocyte");
    assertThat(t.synonyms())
        .contains(
            new Synonym("immature T cell", Synonym.Scope.RELATED),
            new Synonym("mature T cell", Synonym.Scope.RELATED));
    assertThat(t.parents()).containsExactly("CL:0000542");
    // awk '/^\[Term\]/{id=""} /^id: /{id=$2} /^is_obsolete: true/{print id}' cl-basic.obo | head -3
    assertThat(cl).doesNotContainKeys("CL:0000002", "CL:0000004", "CL:0000009");
  }

  @Test
  void partOfParentsForDevelopmentalStages() {
    // hsapdv.obo lines 45-53: is_a HsapDv:0000000, relationship: part_of HsapDv:0000045
    Path owl = ConvertedOntologies.rdfXml("hsapdv.obo");
    assertThat(read(owl, BiontyEntity.DEVELOPMENTAL_STAGE).get("HsapDv:0000002").parents())
        .containsExactlyInAnyOrder("HsapDv:0000000", "HsapDv:0000045");
    assertThat(read(owl, BiontyEntity.CELL_TYPE).get("HsapDv:0000002").parents())
        .containsExactly("HsapDv:0000000");
    // obsolete in hsapdv.obo (awk as above): HsapDv:0000004, HsapDv:0000080
    assertThat(read(owl, BiontyEntity.DEVELOPMENTAL_STAGE))
        .doesNotContainKeys("HsapDv:0000004", "HsapDv:0000080");
  }

  @Test
  void owlXmlAndGzipReadTheSameTerms(@TempDir Path tmp) throws IOException {
    Map<String, OntologyTerm> rdf =
        read(ConvertedOntologies.rdfXml("pato.obo"), BiontyEntity.PHENOTYPE);
    Map<String, OntologyTerm> owx =
        read(ConvertedOntologies.owlXml("pato.obo"), BiontyEntity.PHENOTYPE);
    assertThat(normalised(owx)).isEqualTo(normalised(rdf));
    Path gz = tmp.resolve("pato.owl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(ConvertedOntologies.rdfXml("pato.obo"), out);
    }
    assertThat(normalised(read(gz, BiontyEntity.PHENOTYPE))).isEqualTo(normalised(rdf));
  }

  @Test
  void headerTellsSourceAndVersionWithoutLoading() {
    Path owl = ConvertedOntologies.rdfXml("cl-basic.obo");
    // data-version: cl/releases/2022-08-16/cl-basic.owl; ontology: cl
    assertThat(OntologyFiles.detectVersion(owl)).isEqualTo("2022-08-16");
    assertThat(OntologyFiles.detectSourceName(owl)).isEqualTo("cl");
    Path owx = ConvertedOntologies.owlXml("pato.obo");
    assertThat(OntologyFiles.detectVersion(owx)).isEqualTo("2025-05-14");
    assertThat(OwlParser.peek(owx).syntax()).isEqualTo(OwlParser.Syntax.OWL_XML);
  }

  // ---- hand-written mini file

  @Test
  void readsLabelsSynonymsParentsAndDeprecation() throws Exception {
    Map<String, OntologyTerm> all = new LinkedHashMap<>();
    OwlParser.Result r = new OwlParser(false).parse(mini(), h -> t -> all.put(t.ontologyId(), t));
    assertThat(r.terms()).isEqualTo(5);
    assertThat(r.header().versionIri()).endsWith("/releases/2025-12-17/cl.owl");
    assertThat(r.header().sourceName()).isEqualTo("cl");
    assertThat(all.keySet())
        .containsExactlyInAnyOrder(
            "CL:0000000", "CL:0000542", "CL:0000084", "CL:0000999", "UBERON:0000178");
    assertThat(all.get("CL:0000000").name()).isEqualTo("cell"); // the English label
    assertThat(all.get("CL:0000542").parents()).containsExactly("CL:0000000");
    OntologyTerm t = all.get("CL:0000084");
    assertThat(t.name()).isEqualTo("T cell");
    assertThat(t.description()).startsWith("A type of lymphocyte");
    assertThat(t.exactSynonyms()).containsExactlyInAnyOrder("T-cell", "T lymphocyte");
    assertThat(t.synonyms()).contains(new Synonym("immature T cell", Synonym.Scope.RELATED));
    assertThat(t.parents()).containsExactly("CL:0000542"); // restrictions only with part_of
    assertThat(all.get("CL:0000999").obsolete()).isTrue();
  }

  @Test
  void partOfRestrictionsCountForTissuesAndStages() throws Exception {
    Map<String, OntologyTerm> all = new LinkedHashMap<>();
    new OwlParser(true).parse(mini(), h -> t -> all.put(t.ontologyId(), t));
    assertThat(all.get("CL:0000084").parents())
        .containsExactlyInAnyOrder("CL:0000542", "CL:0000000");
  }

  @Test
  void bionTyRulesDropDeprecatedAndOtherPrefixes() throws Exception {
    Map<String, OntologyTerm> kept = new LinkedHashMap<>();
    OntologyFiles.ReadSummary s =
        OntologyFiles.readTerms(
            mini(), BiontyEntity.CELL_TYPE, "cl", t -> kept.put(t.ontologyId(), t));
    assertThat(kept.keySet()).containsExactlyInAnyOrder("CL:0000000", "CL:0000542", "CL:0000084");
    assertThat(s.droppedObsolete()).isEqualTo(1);
    assertThat(s.droppedOtherPrefix()).isEqualTo(1);
    assertThat(s.version()).isEqualTo("2025-12-17");
    assertThat(s.format()).isEqualTo(OntologyFiles.Format.OWL);
  }

  @Test
  void efoIrisAndOboInOwlIdsBecomeCuries(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("efo-mini.owl");
    Files.writeString(
        f,
        """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
             xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
             xmlns:owl="http://www.w3.org/2002/07/owl#"
             xmlns:oboInOwl="http://www.geneontology.org/formats/oboInOwl#">
          <owl:Ontology rdf:about="http://www.ebi.ac.uk/efo/efo.owl">
            <owl:versionIRI rdf:resource="http://www.ebi.ac.uk/efo/releases/v3.85.0/efo.owl"/>
            <owl:imports rdf:resource="http://example.invalid/never-fetched.owl"/>
          </owl:Ontology>
          <owl:Class rdf:about="http://www.ebi.ac.uk/efo/EFO_0000001">
            <rdfs:label>experimental factor</rdfs:label>
          </owl:Class>
          <owl:Class rdf:about="http://www.ebi.ac.uk/efo/EFO_0000002">
            <rdfs:subClassOf rdf:resource="http://www.ebi.ac.uk/efo/EFO_0000001"/>
            <rdfs:label>child</rdfs:label>
          </owl:Class>
          <owl:Class rdf:about="http://example.org/x/thing_9">
            <oboInOwl:id>EFO:0000003</oboInOwl:id>
            <rdfs:subClassOf rdf:resource="http://www.ebi.ac.uk/efo/EFO_0000002"/>
            <rdfs:label>by oboInOwl id</rdfs:label>
          </owl:Class>
          <owl:Class rdf:about="http://www.ebi.ac.uk/efo/EFO_0000004"/>
        </rdf:RDF>
        """);
    Map<String, OntologyTerm> kept = new LinkedHashMap<>();
    OntologyFiles.ReadSummary s =
        OntologyFiles.readTerms(
            f, BiontyEntity.EXPERIMENTAL_FACTOR, null, t -> kept.put(t.ontologyId(), t));
    assertThat(s.sourceName()).isEqualTo("efo");
    assertThat(s.version()).isEqualTo("v3.85.0");
    // the unlabelled class is not a term
    assertThat(kept.keySet())
        .containsExactlyInAnyOrder("EFO:0000001", "EFO:0000002", "EFO:0000003");
    assertThat(kept.get("EFO:0000002").parents()).containsExactly("EFO:0000001");
    assertThat(kept.get("EFO:0000003").parents()).containsExactly("EFO:0000002");
  }

  // ---- malformed files: nothing is handed over, the error names file and line

  @Test
  void truncatedRdfXmlIsAnErrorWithFileAndLine(@TempDir Path tmp) throws IOException {
    String text = Files.readString(ConvertedOntologies.rdfXml("pato.obo"));
    Path cut = tmp.resolve("pato-cut.owl");
    Files.writeString(cut, text.substring(0, text.length() / 2));
    List<OntologyTerm> got = new java.util.ArrayList<>();
    assertThatThrownBy(() -> OntologyFiles.readTerms(cut, BiontyEntity.PHENOTYPE, null, got::add))
        .isInstanceOf(ValidationException.class)
        .hasMessageMatching("(?s).*pato-cut\\.owl:\\d+: invalid OWL \\(RDF/XML\\): .*")
        .hasMessageContaining("truncated");
    assertThat(got).isEmpty();
  }

  @Test
  void truncatedOwlXmlIsAnErrorWithFileAndLine(@TempDir Path tmp) throws IOException {
    String text = Files.readString(ConvertedOntologies.owlXml("hsapdv.obo"));
    Path cut = tmp.resolve("hsapdv-cut.owl");
    Files.writeString(cut, text.substring(0, text.length() / 3));
    assertThatThrownBy(
            () -> OntologyFiles.readTerms(cut, BiontyEntity.DEVELOPMENTAL_STAGE, null, t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageMatching("(?s).*hsapdv-cut\\.owl:\\d+: invalid OWL \\(OWL/XML\\): .*");
  }

  @Test
  void notXmlOrAnotherRootIsAnError(@TempDir Path tmp) throws IOException {
    Path obo = tmp.resolve("really-obo.owl");
    Files.writeString(obo, "format-version: 1.2\n\n[Term]\nid: CL:1\nname: x\n");
    assertThatThrownBy(() -> OntologyFiles.readTerms(obo, BiontyEntity.CELL_TYPE, null, t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("really-obo.owl:1")
        .hasMessageContaining("not an OWL file in RDF/XML or OWL/XML");
    Path html = tmp.resolve("page.owl");
    Files.writeString(html, "<?xml version=\"1.0\"?>\n<html><body>404</body></html>\n");
    assertThatThrownBy(() -> OntologyFiles.readTerms(html, BiontyEntity.CELL_TYPE, null, t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("page.owl:2")
        .hasMessageContaining("the root element is <html>");
  }

  @Test
  void brokenRdfInsideValidXmlIsAnError(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("bad-rdf.owl");
    Files.writeString(
        f,
        """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
             xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
             xmlns:owl="http://www.w3.org/2002/07/owl#">
          <owl:Class rdf:about="http://purl.obolibrary.org/obo/CL_1" rdf:resource="x" rdf:nodeID="y">
            <rdfs:label>x</rdfs:label>
          </owl:Class>
          <owl:Class rdf:about="http://purl.obolibrary.org/obo/CL_2"><rdfs:label>y</rdfs:label>
        </rdf:RDF>
        """);
    assertThatThrownBy(() -> OntologyFiles.readTerms(f, BiontyEntity.CELL_TYPE, "cl", t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("bad-rdf.owl:5")
        .hasMessageContaining("invalid OWL (RDF/XML)");
  }

  private static Map<String, OntologyTerm> read(Path file, BiontyEntity entity) {
    Map<String, OntologyTerm> byId = new LinkedHashMap<>();
    OntologyFiles.readTerms(file, entity, null, t -> byId.put(t.ontologyId(), t));
    return byId;
  }

  /** Terms with synonyms and parents as sets: the two XML syntaxes list axioms in other orders. */
  private static Map<String, List<Object>> normalised(Map<String, OntologyTerm> terms) {
    Map<String, List<Object>> m = new java.util.TreeMap<>();
    terms.forEach(
        (id, t) ->
            m.put(
                id,
                List.of(
                    t.name(),
                    String.valueOf(t.description()),
                    new HashSet<>(t.synonyms()),
                    new HashSet<>(t.parents()))));
    return m;
  }

  private static Path mini() throws URISyntaxException {
    return Path.of(OwlParserTest.class.getResource("/owl/mini-cl.owl").toURI());
  }
}
