package org.lamindb.bionty.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.StorageException;
import org.lamindb.ValidationException;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.ImportReport;
import org.lamindb.bionty.SharedData;
import org.lamindb.bionty.SourceInfo;
import org.lamindb.bionty.model.Source;
import org.lamindb.internal.core.Access;
import org.lamindb.testing.Backend;

/**
 * Source metadata (ontology_info.json), downloads into the cache with progress, offline errors,
 * named source versions; run on every backend by a subclass.
 */
abstract class SourceFetchSuite {
  @TempDir Path tmp;
  LaminDB ln;
  Bionty bt;
  FileServer server;
  final List<long[]> progress = new CopyOnWriteArrayList<>();
  final List<String> labels = new CopyOnWriteArrayList<>();

  abstract Backend backend();

  @BeforeEach
  void open() throws IOException {
    ln = Backend.setup(tmp).init(backend().options(tmp.resolve("storage"), "bt").modules("bionty"));
    bt = ln.module(Bionty.class);
    server = new FileServer(SharedData.ontologies());
    ln.onTransfer(
        (label, size) -> {
          labels.add(label + " " + size);
          return (done, total) -> progress.add(new long[] {done, total});
        });
  }

  @AfterEach
  void close() {
    if (server != null) { // null when shared/data is absent and the test was skipped in open()
      server.close();
    }
    ln.close();
  }

  @Test
  void syncSourcesRegistersTheNewestListedVersionsAsCurrentlyUsed() {
    List<SourceInfo> synced = bt.syncSources(SharedData.file("ontology_info.json"));
    // jq -r 'to_entries|.[1].value.ontologies|keys' (block 7.1.0): 17 ontologies; CHEBI and UniProt
    // feed no bionty registry -> 15
    assertThat(synced).hasSize(15);
    Source cl =
        bt.sources()
            .filter("entity", "bionty.CellType")
            .filter("name", "cl")
            .filter("currently_used", true)
            .one();
    assertThat(cl.version()).isEqualTo("2026-03-26");
    assertThat(cl.url())
        .isEqualTo(
            "https://github.com/obophenotype/cell-ontology/releases/download/v2026-03-26/cl.owl");
    // the default version seeded at init is kept but no longer used
    Source old =
        bt.sources()
            .filter("entity", "bionty.CellType")
            .filter("name", "cl")
            .filter("version", "2025-12-17")
            .one();
    assertThat(old.currentlyUsed()).isFalse();
    assertThat(bt.cellTypes().currentSource().version()).isEqualTo("2026-03-26");
    Source taxon =
        bt.sources().filter("entity", "bionty.Organism").filter("name", "ncbitaxon").list().stream()
            .filter(s -> Boolean.TRUE.equals(s.currentlyUsed()))
            .findFirst()
            .orElseThrow();
    assertThat(taxon.url()).endsWith("/v2026-05-13/ncbitaxon.owl.gz");

    // syncing again changes nothing
    long rows = bt.sources().count();
    bt.syncSources(SharedData.file("ontology_info.json"));
    assertThat(bt.sources().count()).isEqualTo(rows);
  }

  @Test
  void importSourceDownloadsOnceWithProgressThenUsesTheCache() throws IOException {
    bt.syncSources(
        info(
            "CL",
            "v2025-04-10",
            server.base() + "/{version}/{filename}",
            "CL-ontology-v2025-04-10.json"));
    ImportReport r = bt.cellTypes().importSource();
    // jq: 2902 non-deprecated CL: terms in the cellxgene JSON
    assertThat(r.inserted()).isEqualTo(2902);
    assertThat(server.requests).containsExactly("/v2025-04-10/CL-ontology-v2025-04-10.json");
    long size = Files.size(SharedData.file("CL-ontology-v2025-04-10.json"));
    assertThat(labels)
        .containsExactly(
            "downloading " + server.base() + "/v2025-04-10/CL-ontology-v2025-04-10.json " + size);
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1)).containsExactly(size, size);
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
    }
    Path cached = Access.instance(ln).cacheDir().resolve("bionty");
    try (Stream<Path> files = Files.list(cached)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("cl__2025-04-10__CL-ontology-v2025-04-10.json");
    }
    Source s =
        bt.sources().filter("entity", "bionty.CellType").filter("version", "2025-04-10").one();
    assertThat(s.inDb()).isTrue();

    ImportReport again = bt.cellTypes().importSource();
    assertThat(again.updated()).isEqualTo(2902);
    assertThat(server.requests).hasSize(1);
  }

  @Test
  void publicSourceIsFetchedOnceAndFindsTermsMissingFromTheRegistry() throws IOException {
    bt.syncSources(
        info(
            "CL",
            "v2025-04-10",
            server.base() + "/{version}/{filename}",
            "CL-ontology-v2025-04-10.json"));
    var pub = bt.cellTypes().publicSource();
    assertThat(pub.size()).isEqualTo(2902);
    var found = bt.cellTypes().fromValues(List.of("T-cell", "neuron"), "name", pub);
    assertThat(found)
        .extracting(c -> c.ontologyId())
        .containsExactlyInAnyOrder("CL:0000084", "CL:0000540");
    assertThat(bt.cellTypes().publicSource().size()).isEqualTo(2902);
    assertThat(server.requests).hasSize(1);
    assertThatThrownBy(() -> bt.genes().publicSource())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("Gene sources are tables");
  }

  @Test
  void namedSourceVersionIsFetchedFromItsUrl() throws IOException {
    bt.syncSources(
        info("PATO", "v2025-05-14", server.base() + "/pato/{version}/{filename}", "pato.obo"));
    ImportReport r = bt.phenotypes().importSource("pato", "2025-05-14");
    // awk over pato.obo: [Term] stanzas with a PATO: id, a name and no "is_obsolete: true": 1887
    assertThat(r.inserted()).isEqualTo(1887);
    assertThat(server.requests).containsExactly("/pato/v2025-05-14/pato.obo");

    assertThatThrownBy(() -> bt.phenotypes().importSource("nosuch", null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unknown source 'nosuch' for Phenotype")
        .hasMessageContaining("pato");
  }

  @Test
  void offlineDownloadFailsWithAHintAndLeavesNothingBehind() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    bt.syncSources(
        info("CL", "v2025-04-10", "http://127.0.0.1:" + port + "/{version}/{filename}", "cl.owl"));
    assertThatThrownBy(() -> bt.cellTypes().importSource())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot download http://127.0.0.1:" + port + "/v2025-04-10/cl.owl")
        .hasMessageContaining("offline")
        .hasMessageContaining("lamin ontology import CellType --file cl.owl");
    assertThat(bt.cellTypes().count()).isZero();
    assertNoCachedFiles();
    assertThat(
            bt.sources()
                .filter("entity", "bionty.CellType")
                .filter("version", "2025-04-10")
                .one()
                .inDb())
        .isFalse();
  }

  @Test
  void missingAndTruncatedDownloadsLeaveNoCachedFile() throws IOException {
    bt.syncSources(info("CL", "v1", server.base() + "/missing/{filename}", "cl-basic.obo"));
    assertThatThrownBy(() -> bt.cellTypes().importSource())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("HTTP 404");
    bt.syncSources(info("CL", "v2", server.truncatingBase() + "/{filename}", "cl-basic.obo"));
    assertThatThrownBy(() -> bt.cellTypes().importSource())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot download")
        .hasMessageContaining("--file cl-basic.obo");
    assertThat(server.requests).anyMatch(r -> r.startsWith("truncated GET /cl-basic"));
    assertThat(bt.cellTypes().count()).isZero();
    assertNoCachedFiles();
  }

  @Test
  void malformedOntologyInfoIsAClearError() throws IOException {
    Path bad = tmp.resolve("ontology_info.json");
    Files.writeString(bad, "{\"7.1.0\": {\"ontologies\": {\"CL\": {\"version\": \"v1\"}}}}");
    assertThatThrownBy(() -> bt.syncSources(bad))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "ontology CL in block 7.1.0 needs \"version\", \"source\" and \"filename\"");
    Files.writeString(bad, "{\"7.1.0\": {\"ontologies\": ");
    assertThatThrownBy(() -> bt.syncSources(bad))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not valid JSON");
    assertThat(bt.cellTypes().currentSource().version()).isEqualTo("2025-12-17");
  }

  private void assertNoCachedFiles() throws IOException {
    Path cached = Access.instance(ln).cacheDir().resolve("bionty");
    if (Files.isDirectory(cached)) {
      try (Stream<Path> files = Files.list(cached)) {
        assertThat(files.toList()).isEmpty();
      }
    }
  }

  private Path info(String key, String version, String template, String fileName)
      throws IOException {
    Path f = tmp.resolve("info-" + key + "-" + version + ".json");
    Files.writeString(
        f,
        "{\"1.0.0\": {\"ontologies\": {\""
            + key
            + "\": {\"version\": \""
            + version
            + "\", \"source\": \""
            + template
            + "\", \"filename\": \""
            + fileName
            + "\"}}}}");
    return f;
  }
}
