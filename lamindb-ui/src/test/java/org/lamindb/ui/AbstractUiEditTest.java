package org.lamindb.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Notes;
import org.lamindb.model.Record;
import org.lamindb.testing.Backend;

/** The write endpoints over HTTP: notes and sheets, one server for the class, on each backend. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractUiEditTest {
  LaminDB ln;
  UiServer ui;
  UiClient user;
  String csrf;
  Artifact artifact;
  Record sampleType;
  Record s1;

  abstract Backend backend();

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    ln = backend().newInstance(tmp);
    artifact = ln.artifact(Files.writeString(tmp.resolve("a.txt"), "a\n")).key("a.txt").save();
    Record kind = ln.record("CellKind").isType(true).save();
    new Record(ln).name("T cell").type(kind).save();
    new Record(ln).name("B cell").type(kind).save();
    Feature count = ln.feature("cell_count", Dtype.INT).save();
    Feature cellKind = ln.feature("cell_kind", Dtype.of(kind)).save();
    Feature when = ln.feature("collected_on", Dtype.DATE).save();
    sampleType =
        ln.record("Sample")
            .isType(true)
            .schema(ln.schema("sample_sheet", count, cellKind, when))
            .save();
    s1 = new Record(ln).name("S1").type(sampleType).save();
    s1.features().setValues(Map.of("cell_count", 10L));
    new Record(ln).name("S2").type(sampleType).save();
    ui = UiServer.builder(ln).port(0).start();
    user = new UiClient(ui).login(ui);
    csrf = UiClient.csrf(user.get("/artifacts").body());
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

  private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    Map<String, String> f = new java.util.HashMap<>(form);
    f.put("_csrf", csrf);
    return user.post(path, f);
  }

  private HttpResponse<String> hxPost(String path, Map<String, String> form) throws Exception {
    Map<String, String> f = new java.util.HashMap<>(form);
    f.put("_csrf", csrf);
    return user.post(path, f, Map.of("HX-Request", "true"));
  }

  @Test
  void readmeAndCommentsAreSavedRenderedAndSearchable() throws Exception {
    String page = "/artifacts/" + artifact.uid();
    HttpResponse<String> r =
        post(
            page + "/notes/readme",
            Map.of(
                "content",
                "# QC report\n\n| sample | ok |\n|---|---|\n| S1 | yes |\n\nsee [[artifact:"
                    + artifact.uid()
                    + "]] <script>alert(1)</script> [x](javascript:alert(1))"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo(page + "#notes");
    assertThat(post(page + "/notes/comment", Map.of("content", "**looks** good")).statusCode())
        .isEqualTo(302);
    String html = user.get(page).body();
    assertThat(html).contains("<h1>QC report</h1>", "<td>S1</td>", "<strong>looks</strong>");
    assertThat(html).contains("href=\"/artifacts/" + artifact.uid() + "\">artifact:");
    assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)");
    assertThat(html).doesNotContain("href=\"javascript:");
    assertThat(artifact.notes().readme().orElseThrow().content()).startsWith("# QC report");
    assertThat(user.get("/notes?q=looks").body()).contains("<strong>looks</strong>");
    assertThat(user.get("/notes?q=qc+report").body()).contains("QC report");
    assertThat(user.get("/notes").statusCode()).isEqualTo(200);
  }

  @Test
  void notesAreWrittenOnEveryEntityPage(@TempDir Path dir) throws Exception {
    var run = ln.track(TrackOptions.ofKey("notes.sh").sourceCode("echo notes\n"));
    Artifact out = ln.artifact(Files.writeString(dir.resolve("o.txt"), "o\n")).key("o.txt").save();
    ln.finish();
    var collection = ln.collection(List.of(artifact, out)).key("notes/coll").save();
    var project = ln.project("NotesProject").save();
    Map<String, Notes> hosts =
        Map.of(
            "/collections/" + collection.uid(), collection.notes(),
            "/transforms/" + run.transform().uid(), run.transform().notes(),
            "/runs/" + run.uid(), run.notes(),
            "/records/" + s1.uid(), s1.notes(),
            "/projects/" + project.uid(), project.notes());
    for (var e : hosts.entrySet()) {
      String page = e.getKey();
      assertThat(post(page + "/notes/readme", Map.of("content", "# About " + page)).statusCode())
          .as(page)
          .isEqualTo(302);
      assertThat(post(page + "/notes/comment", Map.of("content", "_seen_ " + page)).statusCode())
          .as(page)
          .isEqualTo(302);
      String html = user.get(page).body();
      assertThat(html).as(page).contains("<h1>About " + page + "</h1>", "<em>seen</em>");
      assertThat(e.getValue().readme().orElseThrow().content()).isEqualTo("# About " + page);
      assertThat(e.getValue().list()).extracting(n -> n.kind()).contains("readme", "comment");
    }
    assertThat(post("/runs/" + run.uid() + "/notes/scribble", Map.of("content", "x")).statusCode())
        .isEqualTo(400);
    assertThat(post("/runs/" + run.uid() + "/notes/readme", Map.of()).statusCode()).isEqualTo(400);
  }

  @Test
  void noteWritesNeedTheCsrfToken() throws Exception {
    HttpResponse<String> r =
        user.post("/artifacts/" + artifact.uid() + "/notes/comment", Map.of("content", "sneaky"));
    assertThat(r.statusCode()).isEqualTo(403);
    HttpResponse<String> anon =
        new UiClient(ui)
            .post(
                "/artifacts/" + artifact.uid() + "/notes/comment",
                Map.of("content", "sneaky", "_csrf", csrf));
    assertThat(anon.statusCode()).isEqualTo(403);
    assertThat(artifact.notes().list()).extracting(n -> n.content()).doesNotContain("sneaky");
    assertThat(
            post("/ulabels/" + artifact.uid() + "/notes/readme", Map.of("content", "x"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void sheetEditShowsTheApiValidationMessageThenPersistsAndUndoes() throws Exception {
    String sheet = "/records/" + sampleType.uid();
    String grid = user.get(sheet).body();
    assertThat(grid).contains("cell_count", "cell_kind", "collected_on", "S1", "S2");
    assertThat(grid).contains("value=\"10\"");
    assertThat(grid).contains("<option value=\"T cell\">", "<option value=\"B cell\">");

    String apiMessage = null;
    try {
      s1.features().setValues(Map.of("cell_kind", "NK cell"));
    } catch (ValidationException e) {
      apiMessage = e.getMessage();
    }
    assertThat(apiMessage).isNotNull();
    HttpResponse<String> bad =
        hxPost(
            sheet + "/cell", Map.of("row", s1.uid(), "feature", "cell_kind", "value", "NK cell"));
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body()).startsWith("<td class=\"bad\">").contains(Html.esc(apiMessage));
    assertThat(s1.features().get("cell_kind")).isNull();

    HttpResponse<String> ok =
        hxPost(sheet + "/cell", Map.of("row", s1.uid(), "feature", "cell_kind", "value", "T cell"));
    assertThat(ok.body()).startsWith("<td>").doesNotContain("class=\"msg\"");
    assertThat(s1.features().get("cell_kind")).isEqualTo("T cell");

    HttpResponse<String> count =
        hxPost(sheet + "/cell", Map.of("row", s1.uid(), "feature", "cell_count", "value", "42"));
    assertThat(count.body()).startsWith("<td>");
    assertThat(user.get(sheet).body()).contains("value=\"42\"").contains("id=\"undo\"");
    assertThat(post(sheet + "/undo", Map.of()).statusCode()).isEqualTo(302);
    assertThat(s1.features().get("cell_count")).isEqualTo(10L);
    assertThat(post(sheet + "/undo", Map.of()).statusCode()).isEqualTo(400);

    HttpResponse<String> notInt =
        hxPost(sheet + "/cell", Map.of("row", s1.uid(), "feature", "cell_count", "value", "lots"));
    assertThat(notInt.body()).as(notInt.statusCode() + "").startsWith("<td class=\"bad\">");
    HttpResponse<String> notDate =
        post(sheet + "/cell", Map.of("row", s1.uid(), "feature", "collected_on", "value", "soon"));
    assertThat(notDate.statusCode()).isEqualTo(400);
    assertThat(
            hxPost(sheet + "/cell", Map.of("row", s1.uid(), "feature", "nope", "value", "1"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void rowsAreAddedDeletedAndPasted() throws Exception {
    String sheet = "/records/" + sampleType.uid();
    assertThat(post(sheet + "/rows", Map.of("name", "S9")).statusCode()).isEqualTo(302);
    Record s9 = ln.records().filter("name", "S9").one();
    assertThat(s9.type().uid()).isEqualTo(sampleType.uid());
    assertThat(user.get(sheet).body()).contains("S9");
    assertThat(post(sheet + "/rows/" + s9.uid() + "/delete", Map.of()).statusCode()).isEqualTo(302);
    assertThat(ln.records().filter("name", "S9").exists()).isFalse();

    HttpResponse<String> pasted =
        post(sheet + "/paste", Map.of("cells", "name\tcell_count\nP1\t7\nP2\t8\n"));
    assertThat(pasted.statusCode()).isEqualTo(302);
    assertThat(ln.records().filter("name", "P2").one().features().get("cell_count")).isEqualTo(8L);
    HttpResponse<String> badPaste =
        post(sheet + "/paste", Map.of("cells", "name\tcell_kind\nP3\tNK cell\n"));
    assertThat(badPaste.statusCode()).isEqualTo(400);
    assertThat(ln.records().filter("name", "P3").exists()).isFalse();
    assertThatThrownBy(() -> ln.records().filter("name", "P3").one())
        .isInstanceOf(org.lamindb.NotFoundException.class);
  }

  @Test
  void recordAndTypePages() throws Exception {
    assertThat(user.get("/records").body()).contains("Sample", "CellKind");
    String rec = user.get("/records/" + s1.uid()).body();
    assertThat(rec).contains("S1", "/records/" + sampleType.uid(), "id=\"notes\"");
  }
}
