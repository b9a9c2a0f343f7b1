package org.lamindb.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.model.Project;
import org.lamindb.model.Run;
import org.lamindb.model.ULabel;
import org.lamindb.testing.Backend;

/** The pages over HTTP, one server for the class, on each backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractUiHttpTest {
  static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

  Path tmp;
  LaminDB ln;
  UiServer ui;
  UiClient client;
  Artifact input;
  Artifact output;
  Artifact xss;
  Run run;
  Collection collection;
  Artifact anndata;

  abstract Backend backend();

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    this.tmp = tmp;
    ln = backend().newInstance(tmp);
    input =
        ln.artifact(Files.writeString(tmp.resolve("in.csv"), "a,b\n1,2\n3,4\n"))
            .key("raw/in.csv")
            .save();
    run = ln.track(TrackOptions.ofKey("pipeline.sh").sourceCode("# trim reads\necho \"trim\"\n"));
    input.cache();
    output =
        ln.artifact(Files.writeString(tmp.resolve("out.txt"), "result line 1\nresult line 2\n"))
            .key("processed/out.txt")
            .description("the output")
            .save();
    ln.finish();
    xss =
        ln.artifact(Files.writeString(tmp.resolve("x.txt"), "<b>bold</b>\n"))
            .key("evil/x.txt")
            .description(XSS)
            .save();
    List<Artifact> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Path f = Files.writeString(tmp.resolve("bulk" + i + ".txt"), "bulk " + i + "\n");
      many.add(ln.artifact(f).key(String.format("bulk/f%02d.txt", i)));
    }
    Artifact.saveAll(many);
    collection = ln.collection(List.of(input, output)).key("my/collection").save();
    ULabel batch = ln.ulabel("Batch1").save();
    input.ulabels().add(batch);
    output.ulabels().add(batch);
    Project proj = ln.project("Atlas").save();
    output.projects().add(proj);
    Path h5ad = sharedH5ad();
    if (h5ad != null) {
      anndata = ln.artifact(h5ad).key("sc/valid.h5ad").save();
    }
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
  void artifactListIsPagedByKeyset() throws Exception {
    HttpResponse<String> r = client.get("/artifacts");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("bulk/f59.txt").doesNotContain("raw/in.csv");
    assertThat(r.body()).contains("rel=\"next\"");
    String next =
        r.body().replaceAll("(?s).*rel=\"next\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
    assertThat(next).startsWith("/artifacts?before=");
    HttpResponse<String> p2 = client.get(next);
    assertThat(p2.body()).contains("raw/in.csv").doesNotContain("bulk/f59.txt");
    assertThat(p2.body()).doesNotContain("rel=\"next\"");
  }

  @Test
  void filterBoxTakesTheLookupsOfLaminList() throws Exception {
    HttpResponse<String> r = client.get("/artifacts?filter=key__startswith%3Draw%2F");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("raw/in.csv").doesNotContain("bulk/f01.txt");
    HttpResponse<String> two =
        client.get("/artifacts?filter=key__startswith%3Dbulk%2F%20key__endswith%3D7.txt");
    assertThat(two.body()).contains("bulk/f07.txt", "bulk/f57.txt").doesNotContain("bulk/f08.txt");
    HttpResponse<String> bad = client.get("/artifacts?filter=sise__gt%3D3");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("sise").contains("size");
    assertThat(client.get("/artifacts?filter=nonsense").statusCode()).isEqualTo(400);
  }

  /** cellxgene_example_valid.h5ad of /work/shared/data (env LAMIN_SHARED_DATA), or null. */
  static Path sharedH5ad() {
    String env = System.getenv("LAMIN_SHARED_DATA");
    List<Path> roots = new ArrayList<>();
    if (env != null && !env.isBlank()) {
      roots.add(Path.of(env));
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      roots.add(p.resolve("../shared/data").normalize());
    }
    return roots.stream()
        .map(r -> r.resolve("formats/h5ad/cellxgene_example_valid.h5ad"))
        .filter(Files::isRegularFile)
        .findFirst()
        .orElse(null);
  }

  @Test
  void facetsCountAndFilter() throws Exception {
    HttpResponse<String> r = client.get("/artifacts");
    assertThat(r.statusCode()).isEqualTo(200);
    String body = r.body();
    String label = "ulabels__uid=" + ln.ulabels().get("name", "Batch1").uid();
    assertThat(body)
        .contains("data-facet=\"label\"", "data-facet=\"project\"", "data-facet=\"suffix\"");
    assertThat(body).containsPattern("Batch1 <span class=\"count\">2</span>");
    assertThat(body).containsPattern("Atlas <span class=\"count\">1</span>");
    assertThat(body).containsPattern("\\.txt <span class=\"count\">62</span>");
    assertThat(body)
        .contains(
            "href=\"/artifacts?filter="
                + java.net.URLEncoder.encode(label, StandardCharsets.UTF_8));
    HttpResponse<String> f =
        client.get(
            "/artifacts?filter=" + java.net.URLEncoder.encode(label, StandardCharsets.UTF_8));
    assertThat(f.statusCode()).isEqualTo(200);
    assertThat(f.body()).contains("raw/in.csv", "processed/out.txt").doesNotContain("bulk/f01.txt");
    assertThat(f.body()).contains("class=\"active\"");
    HttpResponse<String> both =
        client.get(
            "/artifacts?filter="
                + java.net.URLEncoder.encode(label + " suffix=.csv", StandardCharsets.UTF_8));
    assertThat(both.body()).contains("raw/in.csv").doesNotContain("processed/out.txt");
  }

  @Test
  void annDataPreviewShowsShapeAndObsHead() throws Exception {
    assumeTrue(anndata != null, "shared data not found: set LAMIN_SHARED_DATA to shared/data");
    HttpResponse<String> r = client.get("/artifacts/" + anndata.uid());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("AnnData 2 obs × 7 vars", "cell_type_ontology_term_id", "first obs rows");
    assertThat(r.body()).contains("donor_id");
  }

  @Test
  void searchFindsByKeyAndDescription() throws Exception {
    HttpResponse<String> r = client.get("/artifacts?q=output");
    assertThat(r.body()).contains("processed/out.txt").doesNotContain("bulk/f03.txt");
  }

  @Test
  void artifactPageShowsDescribePreviewAndRun() throws Exception {
    HttpResponse<String> r = client.get("/artifacts/" + output.uid());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("processed/out.txt", "result line 2", output.hash(), "/runs/" + run.uid())
        .contains("pipeline.sh", "/lineage/" + output.uid());
    HttpResponse<byte[]> d = client.getBytes("/artifacts/" + output.uid() + "/download");
    assertThat(d.statusCode()).isEqualTo(200);
    assertThat(new String(d.body(), StandardCharsets.UTF_8))
        .isEqualTo("result line 1\nresult line 2\n");
    assertThat(d.headers().firstValue("Content-Disposition").orElseThrow()).contains("out.txt");
  }

  @Test
  void descriptionsAndContentRenderInert() throws Exception {
    String page = client.get("/artifacts/" + xss.uid()).body();
    assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
    assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(page).contains("&lt;b&gt;bold&lt;/b&gt;");
    String list = client.get("/artifacts?q=evil").body();
    assertThat(list).doesNotContain("<script>alert").contains("&lt;script&gt;");
    HttpResponse<String> r = client.get("/artifacts");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
  }

  @Test
  void pathParametersAreValidated() throws Exception {
    assertThat(client.get("/artifacts/..%2F..%2Fetc").statusCode()).isEqualTo(400);
    assertThat(client.get("/runs/%3Cscript%3E").statusCode()).isEqualTo(400);
    HttpResponse<String> missing = client.get("/artifacts/AAAAAAAAAAAAAAAAAAAA");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(client.get("/artifacts?before=-3").statusCode()).isEqualTo(400);
  }

  @Test
  void transformRunAndCollectionPages() throws Exception {
    var t = run.transform();
    String tp = client.get("/transforms/" + t.uid()).body();
    assertThat(tp).contains("pipeline.sh", "/runs/" + run.uid());
    assertThat(tp).contains("<span class=\"c\"># trim reads</span>");
    assertThat(client.get("/transforms").body()).contains("pipeline.sh");
    String rp = client.get("/runs/" + run.uid()).body();
    assertThat(rp).contains("completed").contains("raw/in.csv").contains("processed/out.txt");
    assertThat(client.get("/runs").body()).contains(run.uid());
    String cp = client.get("/collections/" + collection.uid()).body();
    assertThat(cp).contains("my/collection", "raw/in.csv", "processed/out.txt");
    assertThat(client.get("/collections").body()).contains("my/collection");
    for (String p : List.of("/features", "/schemas", "/ulabels", "/projects")) {
      assertThat(client.get(p).statusCode()).as(p).isEqualTo(200);
    }
  }

  @Test
  void featureSchemaLabelAndProjectPages() throws Exception {
    var count = ln.feature("read_count", org.lamindb.model.Dtype.INT).save();
    var schema = ln.schema("read_schema", count).save();
    ULabel batch = ln.ulabels().get("name", "Batch1");
    Project atlas = ln.projects().get("name", "Atlas");
    Map<String, String> pages =
        Map.of(
            "/features/" + count.uid(), "read_count",
            "/schemas/" + schema.uid(), "read_schema",
            "/ulabels/" + batch.uid(), "Batch1",
            "/projects/" + atlas.uid(), "Atlas");
    for (var e : pages.entrySet()) {
      HttpResponse<String> r = client.get(e.getKey());
      assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
      assertThat(r.body()).as(e.getKey()).contains("<h1>", e.getValue(), "class=\"describe\"");
    }
    assertThat(client.get("/features").body()).contains("/features/" + count.uid());
    assertThat(client.get("/schemas").body()).contains("/schemas/" + schema.uid());
    assertThat(client.get("/ulabels").body()).contains("/ulabels/" + batch.uid());
    assertThat(client.get("/projects").body()).contains("/projects/" + atlas.uid());
    assertThat(client.get("/projects/" + atlas.uid()).body()).contains("id=\"notes\"");
    assertThat(client.get("/features/AAAAAAAAAAAA").statusCode()).isEqualTo(404);
  }

  @Test
  void downloadRefusesFoldersAndNamesTheFile() throws Exception {
    HttpResponse<byte[]> d = client.getBytes("/artifacts/" + input.uid() + "/download");
    assertThat(d.statusCode()).isEqualTo(200);
    assertThat(new String(d.body(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n3,4\n");
    assertThat(d.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"in.csv\"");
    assertThat(client.get("/artifacts/AAAAAAAAAAAAAAAAAAAA/download").statusCode()).isEqualTo(404);
  }

  @Test
  void writesNeedTheTokenAndTheCsrfToken() throws Exception {
    UiClient anonymous = new UiClient(ui);
    HttpResponse<String> r = anonymous.post("/artifacts", Map.of("x", "1"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("token");
    UiClient user = new UiClient(ui).login(ui);
    HttpResponse<String> noCsrf = user.post("/artifacts", Map.of("x", "1"));
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    assertThat(noCsrf.body()).contains("CSRF");
    assertThat(new UiClient(ui).get("/?token=wrong").statusCode()).isEqualTo(403);
  }

  @Test
  void tokenUrlSetsAnHttpOnlyCookieAndDropsTheToken() throws Exception {
    HttpResponse<String> r = new UiClient(ui).get("/artifacts?token=" + ui.token());
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo("/artifacts");
    assertThat(r.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict");
    assertThat(ui.url()).startsWith("http://127.0.0.1:").contains("?token=" + ui.token());
  }

  @Test
  void readOnlyServerRefusesWrites() throws Exception {
    try (UiServer ro = UiServer.builder(ln).port(0).readOnly(true).start()) {
      UiClient c = new UiClient(ro).login(ro);
      String csrf = UiClient.csrf(c.get("/artifacts").body());
      HttpResponse<String> r = c.post("/artifacts", Map.of("_csrf", csrf));
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).contains("read-only");
      int before = output.notes().list().size();
      HttpResponse<String> note =
          c.post(
              "/artifacts/" + output.uid() + "/notes/comment",
              Map.of("_csrf", csrf, "content", "not allowed"));
      assertThat(note.statusCode()).isEqualTo(403);
      assertThat(output.notes().list()).hasSize(before);
      assertThat(c.get("/artifacts/" + output.uid()).body()).doesNotContain("id=\"add-comment\"");
      assertThat(c.get("/artifacts").body()).contains("read-only");
    }
  }

  @Test
  void lineagePageAndGraphJson() throws Exception {
    HttpResponse<String> page = client.get("/lineage/" + output.uid());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"graph\"", "/lineage/" + output.uid() + "/graph.json")
        .contains("href=\"/runs/" + run.uid() + "\"", "href=\"/artifacts/" + input.uid() + "\"")
        .contains(LineagePage.CYTOSCAPE, LineagePage.DAGRE, "/static/lineage.js");
    String json = client.get("/lineage/" + output.uid() + "/graph.json").body();
    var g = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertThat(g.get("focus").asText()).isEqualTo("artifact_" + output.uid());
    assertThat(g.get("nodes").findValuesAsText("href"))
        .contains("/artifacts/" + input.uid(), "/runs/" + run.uid(), "/artifacts/" + output.uid());
    assertThat(json)
        .contains(
            "{\"source\":\"run_" + run.uid() + "\",\"target\":\"artifact_" + output.uid() + "\"}");
    assertThat(client.get("/lineage/" + run.uid()).body()).contains("processed/out.txt");
    assertThat(client.get("/lineage/" + output.uid() + "?depth=0").statusCode()).isEqualTo(400);
    assertThat(client.get("/lineage/" + output.uid() + "?direction=sideways").statusCode())
        .isEqualTo(400);
    for (String js :
        List.of(LineagePage.CYTOSCAPE, LineagePage.DAGRE, "/static/lineage.js", Layout.HTMX)) {
      assertThat(client.get(js).statusCode()).as(js).isEqualTo(200);
    }
    assertThat(client.get("/static/").statusCode()).isIn(403, 404);
  }
}
