package org.lamindb.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.model.CellType;
import org.lamindb.testing.Backend;

/** The ontology pages over the Cell Ontology (shared cl-basic.obo), on each backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractUiOntologyTest {
  LaminDB ln;
  UiServer ui;
  UiClient client;
  CellType tCell;

  abstract Backend backend();

  static Path sharedOntology(String name) {
    String env = System.getenv("LAMIN_SHARED_DATA");
    Path p = env == null ? null : Path.of(env, "ontologies", name);
    assumeTrue(
        p != null && Files.isRegularFile(p),
        "shared ontology " + name + " not found (LAMIN_SHARED_DATA); skipping");
    return p;
  }

  @BeforeAll
  void start(@TempDir Path tmp) {
    Path cl = sharedOntology("cl-basic.obo");
    ln = Backend.setup(tmp).init(backend().options(tmp.resolve("storage"), "bt").modules("bionty"));
    Bionty bt = Bionty.of(ln);
    bt.cellTypes().importSource(cl);
    tCell = bt.cellTypes().get("CL:0000084");
    ui = UiServer.builder(ln).port(0).start();
    client = new UiClient(ui);
  }

  @AfterAll
  void stop() {
    if (ui != null) {
      ui.close();
    }
    if (ln != null) {
      ln.close();
    }
  }

  @Test
  void searchAndBrowse() throws Exception {
    assertThat(client.get("/ontologies").body()).contains("/ontologies/CellType", "Disease");
    String hits = client.get("/ontologies/CellType?q=T+lymphocyte").body();
    assertThat(hits).contains("/ontologies/CellType/" + tCell.uid(), "CL:0000084");
    HttpResponse<String> browse = client.get("/ontologies/CellType");
    assertThat(browse.statusCode()).isEqualTo(200);
    assertThat(browse.body()).contains("rel=\"next\"");
    assertThat(client.get("/ontologies/NoSuchThing").statusCode()).isEqualTo(400);
  }

  @Test
  void termPageHasSynonymsParentsAndChildren() throws Exception {
    String page = client.get("/ontologies/CellType/" + tCell.uid()).body();
    assertThat(page).contains("<h1>CellType T cell</h1>", "CL:0000084", "<li>T lymphocyte</li>");
    assertThat(page).contains("<h2>Parents</h2>", "<h2>Children</h2>");
    assertThat(page).contains("mature T cell");
    assertThat(client.get("/ontologies/CellType/AAAAAAAA").statusCode()).isEqualTo(404);
  }

  @Test
  void validateAPastedList() throws Exception {
    String page =
        client.get("/ontologies/CellType?values=T+cell%0AB+cell%0AT-cell%0Anot+a+cell").body();
    assertThat(page).contains("2 of 4 unique values validated");
    assertThat(page).contains("<td>T-cell</td><td>T cell</td>", "<td>not a cell</td><td></td>");
  }
}
