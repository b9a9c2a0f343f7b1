package org.lamindb.bionty.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * The OBO Graph JSON reader against files written by obographs (see {@link ConvertedOntologies})
 * from OWL API's parse of the shared OBO files. Expected counts are the awk counts of {@link
 * OwlParserTest}.
 */
class ObographJsonParserTest {

  @ParameterizedTest
  @CsvSource({
    "cl-basic.obo, CELL_TYPE, cl, 2523, 3541, 2022-08-16",
    "pato.obo, PHENOTYPE, pato, 1887, 2227, 2025-05-14",
    "hsapdv.obo, DEVELOPMENTAL_STAGE, hsapdv, 239, 475, ",
    "hsapdv.obo, PHENOTYPE, hsapdv, 239, 238, "
  })
  void keptTermsAndLinksMatchTheOboFile(
      String obo, BiontyEntity entity, String source, long kept, long links, String version) {
    Path json = ConvertedOntologies.oboGraphJson(obo);
    assertThat(OntologyFiles.detect(json)).isEqualTo(OntologyFiles.Format.OBO_GRAPH_JSON);
    Map<String, OntologyTerm> terms = new LinkedHashMap<>();
    OntologyFiles.ReadSummary s =
        OntologyFiles.readTerms(json, entity, null, t -> terms.put(t.ontologyId(), t));
    assertThat(s.format()).isEqualTo(OntologyFiles.Format.OBO_GRAPH_JSON);
    assertThat(s.sourceName()).isEqualTo(source);
    assertThat(s.kept()).isEqualTo(kept);
    assertThat(terms).hasSize((int) kept);
    assertThat(terms.values().stream().mapToLong(t -> t.parents().size()).sum()).isEqualTo(links);
    assertThat(s.version()).isEqualTo(version);
    assertThat(OntologyFiles.detectVersion(json)).isEqualTo(version);
    assertThat(OntologyFiles.detectSourceName(json)).isEqualTo(source);
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
    Map<String, OntologyTerm> fromJson = read(ConvertedOntologies.oboGraphJson(obo), entity);
    assertThat(fromJson.keySet()).isEqualTo(fromObo.keySet());
    for (OntologyTerm o : fromObo.values()) {
      OntologyTerm j = fromJson.get(o.ontologyId());
      assertThat(j.name()).as(o.ontologyId()).isEqualTo(o.name());
      assertThat(j.description()).as(o.ontologyId()).isEqualTo(o.description());
      assertThat(new HashSet<>(j.synonyms()))
          .as(o.ontologyId())
          .isEqualTo(new HashSet<>(o.synonyms()));
      assertThat(new HashSet<>(j.parents()))
          .as(o.ontologyId())
          .isEqualTo(new HashSet<>(o.parents()));
    }
  }

  @Test
  void tCellPartOfAndObsoleteTerms() {
    Map<String, OntologyTerm> cl =
        read(ConvertedOntologies.oboGraphJson("cl-basic.obo"), BiontyEntity.CELL_TYPE);
    // cl-basic.obo lines 864-880
    assertThat(cl.get("CL:0000084").name()).isEqualTo("T cell");
    assertThat(cl.get("CL:0000084").exactSynonyms())
        .containsExactlyInAnyOrder("T lymphocyte", "T-cell", "T-lymphocyte");
    assertThat(cl.get("CL:0000084").parents()).containsExactly("CL:0000542");
    assertThat(cl).doesNotContainKeys("CL:0000002", "CL:0000004", "CL:0000009"); // is_obsolete
    // hsapdv.obo lines 45-53: is_a HsapDv:0000000, relationship: part_of HsapDv:0000045
    Path dv = ConvertedOntologies.oboGraphJson("hsapdv.obo");
    assertThat(read(dv, BiontyEntity.DEVELOPMENTAL_STAGE).get("HsapDv:0000002").parents())
        .containsExactlyInAnyOrder("HsapDv:0000000", "HsapDv:0000045");
    assertThat(read(dv, BiontyEntity.CELL_TYPE).get("HsapDv:0000002").parents())
        .containsExactly("HsapDv:0000000");
  }

  @Test
  void gzippedFileReadsTheSame(@TempDir Path tmp) throws IOException {
    Path json = ConvertedOntologies.oboGraphJson("pato.obo");
    Path gz = tmp.resolve("pato.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(json, out);
    }
    assertThat(OntologyFiles.detect(gz)).isEqualTo(OntologyFiles.Format.OBO_GRAPH_JSON);
    assertThat(read(gz, BiontyEntity.PHENOTYPE)).isEqualTo(read(json, BiontyEntity.PHENOTYPE));
  }

  @Test
  void cellxgeneJsonIsStillToldApart() {
    assertThat(OntologyFiles.detect(SharedData.file("PATO-ontology-v2025-05-14.json")))
        .isEqualTo(OntologyFiles.Format.CELLXGENE_JSON);
  }

  @Test
  void edgesBeforeNodesAndOboInOwlIds(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("tiny.json");
    Files.writeString(
        f,
        """
        {"@context": {"x": "y"},
         "graphs": [{
           "edges": [{"sub": "http://www.ebi.ac.uk/efo/EFO_0000002", "pred": "is_a",
                      "obj": "http://www.ebi.ac.uk/efo/EFO_0000001"}],
           "nodes": [
             {"id": "http://www.ebi.ac.uk/efo/EFO_0000001", "lbl": "experimental factor",
              "type": "CLASS"},
             {"id": "http://www.ebi.ac.uk/efo/EFO_0000002", "lbl": "child", "type": "CLASS",
              "meta": {"basicPropertyValues": [{"pred":
                "http://www.geneontology.org/formats/oboInOwl#id", "val": "EFO:0000002"}]}},
             {"id": "http://www.ebi.ac.uk/efo/EFO_0000003", "type": "CLASS"},
             {"id": "http://purl.obolibrary.org/obo/BFO_0000050", "lbl": "part of",
              "type": "PROPERTY"}],
           "id": "http://www.ebi.ac.uk/efo/efo.owl",
           "meta": {"version": "http://www.ebi.ac.uk/efo/releases/v3.85.0/efo.owl"}}]}
        """);
    assertThat(OntologyFiles.detect(f)).isEqualTo(OntologyFiles.Format.OBO_GRAPH_JSON);
    Map<String, OntologyTerm> t = new LinkedHashMap<>();
    OntologyFiles.ReadSummary s =
        OntologyFiles.readTerms(
            f, BiontyEntity.EXPERIMENTAL_FACTOR, null, x -> t.put(x.ontologyId(), x));
    assertThat(s.sourceName()).isEqualTo("efo");
    assertThat(s.version()).isEqualTo("v3.85.0");
    assertThat(t.keySet()).containsExactly("EFO:0000001", "EFO:0000002"); // unlabelled: no term
    assertThat(t.get("EFO:0000002").parents()).containsExactly("EFO:0000001");
  }

  // ---- malformed files: nothing is handed over, the error names file and line

  @Test
  void truncatedFileIsAnErrorWithLineAndNothingIsImported(@TempDir Path tmp) throws IOException {
    String text = Files.readString(ConvertedOntologies.oboGraphJson("pato.obo"));
    Path cut = tmp.resolve("pato-cut.json");
    Files.writeString(cut, text.substring(0, text.length() / 2));
    List<OntologyTerm> got = new ArrayList<>();
    assertThatThrownBy(() -> OntologyFiles.readTerms(cut, BiontyEntity.PHENOTYPE, null, got::add))
        .isInstanceOf(ValidationException.class)
        .hasMessageMatching("(?s).*pato-cut\\.json:\\d+: invalid JSON \\(column \\d+\\): .*")
        .hasMessageContaining("truncated");
    assertThat(got).isEmpty(); // terms are handed over only after the whole file was read
  }

  @Test
  void nodeWithoutIdIsAnError(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("noid.json");
    Files.writeString(
        f,
        """
        {"graphs": [{"nodes": [
          {"id": "http://purl.obolibrary.org/obo/CL_1", "lbl": "a", "type": "CLASS"},
          {"lbl": "b", "type": "CLASS"}]}]}
        """);
    List<OntologyTerm> got = new ArrayList<>();
    assertThatThrownBy(() -> OntologyFiles.readTerms(f, BiontyEntity.CELL_TYPE, "cl", got::add))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("noid.json:3")
        .hasMessageContaining("a node without 'id'");
    assertThat(got).isEmpty();
  }

  @Test
  void edgeWithoutObjectIsAnError(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("edge.json");
    Files.writeString(
        f,
        """
        {"graphs": [{"nodes": [], "edges": [
          {"sub": "http://purl.obolibrary.org/obo/CL_1", "pred": "is_a"}]}]}
        """);
    assertThatThrownBy(() -> OntologyFiles.readTerms(f, BiontyEntity.CELL_TYPE, "cl", t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("edge.json:2")
        .hasMessageContaining("an edge without 'sub', 'pred' or 'obj'");
  }

  @Test
  void wrongTypesAreErrors(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("types.json");
    Files.writeString(f, "{\"graphs\": {\"nodes\": []}}");
    assertThatThrownBy(() -> new ObographJsonParser(false).parse(f, h -> t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("types.json:1")
        .hasMessageContaining("'graphs' must be an array");
    Files.writeString(
        f,
        "{\"graphs\": [{\"nodes\": [\n{\"id\": \"http://x/CL_1\", \"lbl\": 5, \"type\": \"CLASS\"}]}]}");
    assertThatThrownBy(() -> new ObographJsonParser(false).parse(f, h -> t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("types.json:2")
        .hasMessageContaining("node 'lbl' must be a string");
  }

  private static Map<String, OntologyTerm> read(Path file, BiontyEntity entity) {
    Map<String, OntologyTerm> byId = new LinkedHashMap<>();
    OntologyFiles.readTerms(file, entity, null, t -> byId.put(t.ontologyId(), t));
    return byId;
  }
}
