package org.lamindb.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lamindb.LaminDB;
import org.lamindb.model.Note;
import org.lamindb.model.Notes;

/**
 * Notes on entity pages (latest readme rendered, comments, edit forms) and their write endpoints
 * {@code POST /<registry>/<uid>/notes/readme} and {@code .../notes/comment}; {@code /notes?q=}
 * searches them.
 */
final class NotesView {
  static final List<String> REGISTRIES =
      List.of("artifacts", "collections", "transforms", "runs", "records", "projects");
  static final Map<String, String> HOST_PAGES =
      Map.of(
          "artifact", "/artifacts/",
          "collection", "/collections/",
          "transform", "/transforms/",
          "run", "/runs/",
          "record", "/records/",
          "project", "/projects/");

  private final UiServer ui;

  NotesView(UiServer ui) {
    this.ui = ui;
  }

  void register(RoutesConfig r) {
    r.post("/{registry}/{uid}/notes/{kind}", this::write);
    r.get("/notes", this::search);
  }

  private Notes notes(String registry, String uid) {
    LaminDB ln = ui.ln();
    return switch (registry) {
      case "artifacts" -> ln.artifactByUidOrKey(uid, false).notes();
      case "collections" -> EntityPages.byUid(ln.collections(), uid, "collection").notes();
      case "transforms" -> EntityPages.byUid(ln.transforms(), uid, "transform").notes();
      case "runs" -> EntityPages.byUid(ln.runs(), uid, "run").notes();
      case "records" -> EntityPages.byUid(ln.records(), uid, "record").notes();
      case "projects" -> EntityPages.byUid(ln.projects(), uid, "project").notes();
      default ->
          throw new BadRequestResponse(
              "no notes on '" + registry + "'; notes attach to " + String.join(", ", REGISTRIES));
    };
  }

  private void write(Context ctx) {
    String registry = Fmt.name(ctx, "registry");
    String uid = Fmt.uid(ctx, "uid");
    String kind = ctx.pathParam("kind");
    String content = ctx.formParam("content");
    if (content == null) {
      throw new BadRequestResponse("the form needs a 'content' field");
    }
    Notes n = notes(registry, uid);
    switch (kind) {
      case "readme" -> n.setReadme(content);
      case "comment" -> n.comment(content);
      default ->
          throw new BadRequestResponse("unknown note kind '" + kind + "': readme or comment");
    }
    ctx.redirect("/" + registry + "/" + uid + "#notes");
  }

  /**
   * @param path the entity page, e.g. {@code /artifacts/<uid>}
   * @return the notes section of an entity page
   */
  static String section(UiServer ui, Notes notes, String path) {
    Html h = new Html().raw("<section id=\"notes\"><h2>Notes</h2>");
    Optional<Note> readme = notes.readme();
    if (readme.isPresent()) {
      h.raw("<div class=\"note readme\"><div class=\"meta\">readme · ")
          .text(readme.get().uid())
          .raw(" · ")
          .text(Fmt.value("created_at", readme.get().createdAt()))
          .raw(" · ")
          .text(readme.get().createdBy())
          .raw("</div>")
          .raw(Markdown.render(readme.get().content()))
          .raw("</div>");
    } else {
      h.raw("<p class=\"empty\">No readme yet.</p>");
    }
    List<Note> all = notes.list();
    for (Note c : all) {
      if (c.kind().equals(Note.COMMENT)) {
        h.raw("<div class=\"note comment\"><div class=\"meta\">comment · ")
            .text(Fmt.value("created_at", c.createdAt()))
            .raw(" · ")
            .text(c.createdBy())
            .raw("</div>")
            .raw(Markdown.render(c.content()))
            .raw("</div>");
      }
    }
    long versions = all.stream().filter(n -> n.kind().equals(Note.README)).count();
    if (versions > 1) {
      h.raw("<p class=\"hint\">").text(versions).raw(" readme versions</p>");
    }
    if (!ui.readOnly()) {
      h.raw("<details><summary>Edit readme</summary><form method=\"post\" action=\"")
          .text(path + "/notes/readme")
          .raw("\">")
          .raw(ui.security().csrfInput())
          .raw("<textarea name=\"content\" id=\"readme-content\">")
          .text(readme.map(Note::content).orElse(""))
          .raw("</textarea><button type=\"submit\" id=\"save-readme\">Save readme</button>")
          .raw("</form></details>");
      h.raw("<form method=\"post\" action=\"")
          .text(path + "/notes/comment")
          .raw("\">")
          .raw(ui.security().csrfInput())
          .raw("<textarea name=\"content\" id=\"comment-content\" placeholder=\"Add a comment")
          .raw(
              " (markdown)\"></textarea><button type=\"submit\" id=\"add-comment\">Comment</button>")
          .raw("</form>");
    }
    return h.raw("</section>").toString();
  }

  private void search(Context ctx) {
    String q = ctx.queryParam("q");
    Html h = new Html().raw("<h1>Notes</h1>");
    h.raw("<form class=\"filters\" method=\"get\" action=\"/notes\">")
        .raw("<input type=\"search\" name=\"q\" id=\"notes-q\" size=\"40\" value=\"")
        .text(q == null ? "" : q)
        .raw("\"> <button type=\"submit\">Search</button></form>");
    List<Note> found =
        q == null || q.isBlank() ? ui.ln().notes().recent(50) : ui.ln().notes().search(q, 50);
    if (found.isEmpty()) {
      h.raw("<p class=\"empty\">No notes found.</p>");
    }
    for (Note n : found) {
      h.raw("<div class=\"note\"><div class=\"meta\">")
          .text(n.kind())
          .raw(" on ")
          .link(HOST_PAGES.get(n.host()) + n.hostUid(), n.host() + " " + n.hostUid())
          .raw(" · ")
          .text(Fmt.value("created_at", n.createdAt()))
          .raw("</div>")
          .raw(Markdown.render(n.content()))
          .raw("</div>");
    }
    ctx.html(Layout.page(ui, "Notes", h.toString()));
  }
}
