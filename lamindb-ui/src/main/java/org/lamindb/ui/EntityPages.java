package org.lamindb.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.lamindb.LaminDB;
import org.lamindb.NotFoundException;
import org.lamindb.model.Collection;
import org.lamindb.model.Feature;
import org.lamindb.model.Project;
import org.lamindb.model.Run;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.Schema;
import org.lamindb.model.Transform;
import org.lamindb.model.ULabel;
import org.lamindb.query.QuerySet;

/**
 * Pages of collections, transforms, runs, features, schemas, labels and projects: keyset-paged
 * lists and describe pages. Artifacts have their own pages ({@link ArtifactPages}).
 */
final class EntityPages {
  static final List<String> TRANSFORM_COLUMNS =
      List.of("uid", "key", "description", "kind", "version_tag", "is_latest", "created_at");
  static final List<String> RUN_COLUMNS =
      List.of("uid", "name", "entrypoint", "started_at", "finished_at", "created_at");
  static final List<String> COLLECTION_COLUMNS =
      List.of("uid", "key", "description", "version_tag", "is_latest", "created_at");

  private final UiServer ui;

  EntityPages(UiServer ui) {
    this.ui = ui;
  }

  void register(RoutesConfig r) {
    new ArtifactPages(ui).register(r);
    new NotesView(ui).register(r);
    new RecordPages(ui).register(r);
    new LineagePage(ui).register(r);
    new OntologyPages(ui).register(r);
    r.get("/collections", this::collections);
    r.get("/collections/{uid}", this::collection);
    r.get("/transforms", this::transforms);
    r.get("/transforms/{uid}", this::transform);
    r.get("/runs", this::runs);
    r.get("/runs/{uid}", this::run);
    r.get("/features", ctx -> simpleList(ctx, "Features", ln().features(), "features"));
    r.get("/features/{uid}", ctx -> describe(ctx, "Feature", ln().features(), Feature.class));
    r.get("/schemas", ctx -> simpleList(ctx, "Schemas", ln().schemas(), "schemas"));
    r.get("/schemas/{uid}", ctx -> describe(ctx, "Schema", ln().schemas(), Schema.class));
    r.get("/ulabels", ctx -> simpleList(ctx, "ULabels", ln().ulabels(), "ulabels"));
    r.get("/ulabels/{uid}", ctx -> describe(ctx, "ULabel", ln().ulabels(), ULabel.class));
    r.get("/projects", ctx -> simpleList(ctx, "Projects", ln().projects(), "projects"));
    r.get("/projects/{uid}", ctx -> describe(ctx, "Project", ln().projects(), Project.class));
  }

  private LaminDB ln() {
    return ui.ln();
  }

  static <T extends SQLRecord<?>> T byUid(QuerySet<T> q, String uid, String what) {
    return q.filter("uid", uid)
        .first()
        .orElseThrow(() -> new NotFoundException("no " + what + " with uid '" + uid + "'"));
  }

  private void collections(Context ctx) {
    Paging<Collection> p = Paging.of(ln().collections(), ctx);
    ctx.html(
        Layout.page(
            ui,
            "Collections",
            "<h1>Collections</h1>"
                + Tables.of(p.rows(), COLLECTION_COLUMNS, c -> "/collections/" + c.uid())
                + p.nextLink(ctx)));
  }

  private void collection(Context ctx) {
    String uid = Fmt.uid(ctx, "uid");
    Collection c = byUid(ln().collections(), uid, "collection");
    Paging<org.lamindb.model.Artifact> members = Paging.of(c.artifacts(), ctx);
    Html h = new Html();
    h.raw("<h1>Collection ").text(c.key() != null ? c.key() : c.uid()).raw("</h1>");
    h.raw("<pre class=\"describe\">").text(c.describeText()).raw("</pre>");
    h.raw("<h2>Members</h2>")
        .raw(Tables.of(members.rows(), ArtifactPages.COLUMNS, a -> "/artifacts/" + a.uid()))
        .raw(members.nextLink(ctx));
    h.raw("<h2>Versions</h2>")
        .raw(Tables.of(c.versions(), COLLECTION_COLUMNS, v -> "/collections/" + v.uid()));
    h.raw(NotesView.section(ui, c.notes(), "/collections/" + c.uid()));
    ctx.html(Layout.page(ui, "Collection " + c.uid(), h.toString()));
  }

  private void transforms(Context ctx) {
    Paging<Transform> p = Paging.of(ln().transforms(), ctx);
    ctx.html(
        Layout.page(
            ui,
            "Transforms",
            "<h1>Transforms</h1>"
                + Tables.of(p.rows(), TRANSFORM_COLUMNS, t -> "/transforms/" + t.uid())
                + p.nextLink(ctx)));
  }

  private void transform(Context ctx) {
    String uid = Fmt.uid(ctx, "uid");
    Transform t = byUid(ln().transforms(), uid, "transform");
    Html h = new Html();
    h.raw("<h1>Transform ").text(t.key() != null ? t.key() : t.uid()).raw("</h1>");
    h.raw("<p><a href=\"/lineage/").text(t.uid()).raw("\">lineage</a></p>");
    h.raw("<pre class=\"describe\">").text(t.describeText()).raw("</pre>");
    if (t.sourceCode() != null) {
      h.raw("<h2>Source</h2>").raw(SourceView.render(t.key(), t.sourceCode()));
    }
    String stem = t.uid().substring(0, Math.min(12, t.uid().length()));
    h.raw("<h2>Versions</h2>")
        .raw(
            Tables.of(
                ln().transforms().filter("uid__startswith", stem).orderBy("-id").limit(50).list(),
                TRANSFORM_COLUMNS,
                v -> "/transforms/" + v.uid()));
    Paging<Run> runs = Paging.of(ln().runs().filter("transform_id", t.id()), ctx);
    h.raw("<h2>Runs</h2>")
        .raw(Tables.of(runs.rows(), RUN_COLUMNS, r -> "/runs/" + r.uid()))
        .raw(runs.nextLink(ctx));
    h.raw(NotesView.section(ui, t.notes(), "/transforms/" + t.uid()));
    ctx.html(Layout.page(ui, "Transform " + t.uid(), h.toString()));
  }

  private void runs(Context ctx) {
    Paging<Run> p = Paging.of(ln().runs(), ctx);
    ctx.html(
        Layout.page(
            ui,
            "Runs",
            "<h1>Runs</h1>"
                + Tables.of(p.rows(), RUN_COLUMNS, r -> "/runs/" + r.uid())
                + p.nextLink(ctx)));
  }

  private void run(Context ctx) {
    String uid = Fmt.uid(ctx, "uid");
    Run run = byUid(ln().runs(), uid, "run");
    Html h = new Html();
    Transform t = run.transform();
    h.raw("<h1>Run ").text(run.uid()).raw("</h1>");
    h.raw("<p>status: <span class=\"status\">").text(run.status()).raw("</span> · transform: ");
    if (t != null) {
      h.link("/transforms/" + t.uid(), t.key() != null ? t.key() : t.uid());
    }
    h.raw(" · <a href=\"/lineage/").text(run.uid()).raw("\">lineage</a></p>");
    h.raw("<pre class=\"describe\">").text(run.describeText()).raw("</pre>");
    if (run.params() != null && !run.params().isEmpty()) {
      h.raw("<h2>Params</h2><pre>").text(run.params().toPrettyString()).raw("</pre>");
    }
    h.raw("<h2>Inputs</h2>")
        .raw(Tables.of(run.inputArtifacts(), ArtifactPages.COLUMNS, a -> "/artifacts/" + a.uid()));
    h.raw("<h2>Outputs</h2>")
        .raw(Tables.of(run.outputArtifacts(), ArtifactPages.COLUMNS, a -> "/artifacts/" + a.uid()));
    h.raw(NotesView.section(ui, run.notes(), "/runs/" + run.uid()));
    ctx.html(Layout.page(ui, "Run " + run.uid(), h.toString()));
  }

  private <T extends SQLRecord<?>> void simpleList(
      Context ctx, String title, QuerySet<T> q, String path) {
    Paging<T> p = Paging.of(q, ctx);
    ctx.html(
        Layout.page(
            ui,
            title,
            "<h1>"
                + Html.esc(title)
                + "</h1>"
                + Tables.of(
                    p.rows(),
                    List.of("uid", "name", "description", "created_at"),
                    r -> "/" + path + "/" + r.uid())
                + p.nextLink(ctx)));
  }

  private <T extends SQLRecord<?>> void describe(
      Context ctx, String what, QuerySet<T> q, Class<T> type) {
    String uid = Fmt.uid(ctx, "uid");
    T rec = byUid(q, uid, what.toLowerCase(java.util.Locale.ROOT));
    Html h = new Html();
    Object name = rec.get("name");
    h.raw("<h1>").text(what).raw(" ").text(name != null ? name : rec.uid()).raw("</h1>");
    h.raw("<pre class=\"describe\">").text(rec.describeText()).raw("</pre>");
    if (rec instanceof Project p) {
      h.raw(NotesView.section(ui, p.notes(), "/projects/" + p.uid()));
    }
    ctx.html(Layout.page(ui, what + " " + rec.uid(), h.toString()));
  }
}
