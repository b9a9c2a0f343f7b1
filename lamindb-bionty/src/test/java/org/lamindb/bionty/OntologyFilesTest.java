package org.lamindb.bionty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.ValidationException;

/** Format detection of {@link OntologyFiles}: extensions, and the first key of JSON files. */
class OntologyFilesTest {

  @Test
  void formatsByExtension(@TempDir Path tmp) {
    assertThat(OntologyFiles.detect(tmp.resolve("cl.obo"))).isEqualTo(OntologyFiles.Format.OBO);
    assertThat(OntologyFiles.detect(tmp.resolve("cl.obo.gz"))).isEqualTo(OntologyFiles.Format.OBO);
    assertThat(OntologyFiles.detect(tmp.resolve("cl.owl"))).isEqualTo(OntologyFiles.Format.OWL);
    assertThat(OntologyFiles.detect(tmp.resolve("efo.owl.gz"))).isEqualTo(OntologyFiles.Format.OWL);
    assertThat(OntologyFiles.detect(tmp.resolve("x.rdf"))).isEqualTo(OntologyFiles.Format.OWL);
    assertThat(OntologyFiles.detect(tmp.resolve("df_human__phe__1.2__Phenotype.parquet")))
        .isEqualTo(OntologyFiles.Format.PARQUET);
    assertThatThrownBy(() -> OntologyFiles.detect(tmp.resolve("cl.ttl")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(".owl (RDF/XML or OWL/XML)")
        .hasMessageContaining(".json (OBO Graph JSON or cellxgene ontology JSON)");
  }

  @Test
  void jsonLayoutsAreToldApartByTheFirstKey(@TempDir Path tmp) throws IOException {
    Path graph = write(tmp, "cl.json", "{\"graphs\": [{\"nodes\": [], \"edges\": []}]}");
    assertThat(OntologyFiles.detect(graph)).isEqualTo(OntologyFiles.Format.OBO_GRAPH_JSON);
    Path ld = write(tmp, "ld.json", "{\"@context\": {\"a\": [1, {\"b\": 2}]}, \"graphs\": []}");
    assertThat(OntologyFiles.detect(ld)).isEqualTo(OntologyFiles.Format.OBO_GRAPH_JSON);
    Path cxg = write(tmp, "CL-ontology-v1.json", "{\"CL:0000000\": {\"label\": \"cell\"}}");
    assertThat(OntologyFiles.detect(cxg)).isEqualTo(OntologyFiles.Format.CELLXGENE_JSON);
    // gzipped: the peek reads through the decompressing stream
    Path gz = tmp.resolve("cl.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("{\"graphs\": []}".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(OntologyFiles.detect(gz)).isEqualTo(OntologyFiles.Format.OBO_GRAPH_JSON);
  }

  @Test
  void unreadableJsonIsReportedByTheParserWithFileAndLine(@TempDir Path tmp) throws IOException {
    Path bad = write(tmp, "bad.json", "\n\n{ nope");
    assertThat(OntologyFiles.detect(bad)).isEqualTo(OntologyFiles.Format.CELLXGENE_JSON);
    assertThatThrownBy(() -> OntologyFiles.readTerms(bad, BiontyEntity.CELL_TYPE, "cl", t -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("bad.json:3")
        .hasMessageContaining("invalid JSON");
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }
}
