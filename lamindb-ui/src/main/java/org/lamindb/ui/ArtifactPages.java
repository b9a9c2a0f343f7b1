package org.lamindb.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lamindb.LaminDB;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.model.Artifact;
import org.lamindb.query.QuerySet;

/**
 * {@code /artifacts}: the list with a filter box (the lookups of {@code lamin list --filter}),
 * search and facets; {@code /artifacts/<uid>}: describe, preview, versions, download.
 */
final class ArtifactPages {
  /** The columns of {@code lamin list artifact}. */
  static final List<String> COLUMNS =
      List.of(
          "uid",
          "key",
          "description",
          "suffix",
          "kind",
          "otype",
          "size",
          "is_latest",
          "created_at");

  private static final Set<String> TEXT_SUFFIXES =
      Set.of(
          ".txt", ".csv", ".tsv", ".md", ".json", ".yaml", ".yml", ".fasta", ".fa", ".fastq", ".py",
          ".java", ".sh", ".r", ".log", ".html", ".xml", ".gff", ".gtf", ".bed", ".vcf", ".sam",
          ".nf", ".groovy", ".ipynb");
  private static final int PREVIEW_LINES = 30;
  private static final int PREVIEW_BYTES = 64 * 1024;
  private static final long TABLE_PREVIEW_MAX = 32L * 1024 * 1024;
  private static final long OBS_PREVIEW_MAX = 200_000;

  private final UiServer ui;

  ArtifactPages(UiServer ui) {
    this.ui = ui;
  }

  void register(RoutesConfig r) {
    r.get("/artifacts", this::list);
    r.get("/artifacts/{uid}", this::page);
    r.get("/artifacts/{uid}/download", this::download);
  }

  private LaminDB ln() {
    return ui.ln();
  }

  /**
   * Applies a filter box: whitespace-separated {@code lookup=value} terms, as {@code lamin list
   * --filter} takes them, plus repeated {@code filter=} query parameters.
   */
  static QuerySet<Artifact> filtered(QuerySet<Artifact> q, List<String> terms) {
    for (String f : terms) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new BadRequestResponse(
            "filter '" + f + "' must look like lookup=value, e.g. key__startswith=raw/");
      }
      q = q.filterText(f.substring(0, eq).strip(), f.substring(eq + 1));
    }
    return q;
  }

  static List<String> terms(Context ctx) {
    List<String> terms = new ArrayList<>();
    for (String box : ctx.queryParams("filter")) {
      for (String t : box.strip().split("\\s+")) {
        if (!t.isEmpty()) {
          terms.add(t);
        }
      }
    }
    return terms;
  }

  private void list(Context ctx) {
    List<String> terms = terms(ctx);
    String search = ctx.queryParam("q");
    Html h = new Html().raw("<h1>Artifacts</h1>");
    h.raw("<form class=\"filters\" method=\"get\" action=\"/artifacts\">")
        .raw("<input type=\"search\" name=\"filter\" id=\"filter\" size=\"50\"")
        .raw(" placeholder=\"key__startswith=raw/ size__gt=1000 ulabels__name=...\" value=\"")
        .text(String.join(" ", terms))
        .raw("\"> <input type=\"search\" name=\"q\" id=\"q\" placeholder=\"search\" value=\"")
        .text(search == null ? "" : search)
        .raw("\"> <button type=\"submit\">Apply</button></form>");
    h.raw(Facets.html(ui.facets().get(), terms));
    QuerySet<Artifact> q = filtered(ln().artifacts(), terms);
    if (search != null && !search.isBlank()) {
      List<Artifact> rows = q.search(search.strip()).limit(Paging.SIZE).list();
      h.raw("<p class=\"hint\">best ").text(rows.size()).raw(" matches</p>");
      h.raw(Tables.of(rows, COLUMNS, a -> "/artifacts/" + a.uid()));
    } else {
      Paging<Artifact> p = Paging.of(q, ctx);
      h.raw(Tables.of(p.rows(), COLUMNS, a -> "/artifacts/" + a.uid())).raw(p.nextLink(ctx));
    }
    ctx.html(Layout.page(ui, "Artifacts", h.toString()));
  }

  private void page(Context ctx) {
    String uid = Fmt.uid(ctx, "uid");
    Artifact a = ln().artifactByUidOrKey(uid, false);
    Html h = new Html();
    h.raw("<h1>Artifact ").text(a.key() != null ? a.key() : a.uid()).raw("</h1>");
    h.raw("<p class=\"actions\"><a href=\"/artifacts/")
        .text(a.uid())
        .raw("/download\" download>download</a> · <a href=\"/lineage/")
        .text(a.uid())
        .raw("\">lineage</a>");
    if (a.run() != null) {
      h.raw(" · run ").link("/runs/" + a.run().uid(), a.run().uid());
    }
    if (a.transform() != null) {
      h.raw(" · transform ")
          .link(
              "/transforms/" + a.transform().uid(),
              a.transform().key() != null ? a.transform().key() : a.transform().uid());
    }
    h.raw("</p>");
    if (a.description() != null) {
      h.raw("<p class=\"description\">").text(a.description()).raw("</p>");
    }
    h.raw("<pre class=\"describe\">").text(a.describeText()).raw("</pre>");
    h.raw("<h2>Preview</h2>").raw(preview(a));
    h.raw("<h2>Versions</h2>")
        .raw(
            Tables.of(
                a.versions().orderBy("-id").limit(Paging.SIZE).list(),
                COLUMNS,
                v -> "/artifacts/" + v.uid()));
    h.raw(NotesView.section(ui, a.notes(), "/artifacts/" + a.uid()));
    ctx.html(Layout.page(ui, "Artifact " + a.uid(), h.toString()));
  }

  private static String preview(Artifact a) {
    String suffix = a.suffix() == null ? "" : a.suffix().toLowerCase(Locale.ROOT);
    try {
      if (TEXT_SUFFIXES.contains(suffix)) {
        return "<pre class=\"preview\">" + Html.esc(head(a)) + "</pre>";
      }
      if (suffix.equals(".parquet") && a.size() != null && a.size() <= TABLE_PREVIEW_MAX) {
        tech.tablesaw.api.Table t = a.load(tech.tablesaw.api.Table.class);
        return "<p class=\"hint\">"
            + t.rowCount()
            + " rows × "
            + t.columnCount()
            + " columns; first rows:</p>"
            + tableHead(t);
      }
      if (suffix.equals(".h5ad")) {
        return annData(a);
      }
    } catch (IOException | RuntimeException e) {
      return "<p class=\"hint\">no preview: " + Html.esc(e.getMessage()) + "</p>";
    }
    return "<p class=\"hint\">no preview for "
        + Html.esc(suffix.isEmpty() ? "this" : suffix)
        + " artifacts; see the description above</p>";
  }

  /** Shape, obs columns and the first obs rows, read lazily through {@code artifact.open()}. */
  private static String annData(Artifact a) {
    try (AnnDataAccessor ad = a.open(AnnDataAccessor.class)) {
      StringBuilder s = new StringBuilder("<p class=\"hint\">AnnData ");
      s.append(ad.nObs()).append(" obs × ").append(ad.nVars()).append(" vars");
      s.append(Html.esc("; obs columns: " + String.join(", ", ad.obsColumns())));
      if (!ad.layerKeys().isEmpty()) {
        s.append(Html.esc("; layers: " + String.join(", ", ad.layerKeys())));
      }
      if (!ad.obsmKeys().isEmpty()) {
        s.append(Html.esc("; obsm: " + String.join(", ", ad.obsmKeys())));
      }
      s.append("</p>");
      if (ad.nObs() > 0 && ad.nObs() <= OBS_PREVIEW_MAX) {
        s.append("<p class=\"hint\">first obs rows:</p>").append(tableHead(ad.obs()));
      }
      return s.toString();
    } catch (Exception e) {
      return "<p class=\"hint\">no preview: " + Html.esc(e.getMessage()) + "</p>";
    }
  }

  private static String head(Artifact a) throws IOException {
    StringBuilder s = new StringBuilder();
    try (InputStream in = a.openStream();
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 8192)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null && n < PREVIEW_LINES && s.length() < PREVIEW_BYTES) {
        s.append(line).append('\n');
        n++;
      }
      if (line != null) {
        s.append("…\n");
      }
    }
    return s.toString();
  }

  private static String tableHead(tech.tablesaw.api.Table t) {
    Html h = new Html().raw("<table class=\"list\"><thead><tr>");
    for (String c : t.columnNames()) {
      h.el("th", c);
    }
    h.raw("</tr></thead><tbody>");
    for (int i = 0; i < Math.min(10, t.rowCount()); i++) {
      h.raw("<tr>");
      for (int c = 0; c < t.columnCount(); c++) {
        h.el("td", t.column(c).getString(i));
      }
      h.raw("</tr>");
    }
    return h.raw("</tbody></table>").toString();
  }

  private void download(Context ctx) throws IOException {
    String uid = Fmt.uid(ctx, "uid");
    Artifact a = ln().artifactByUidOrKey(uid, false);
    if (a.nFiles() != null && a.nFiles() > 1) {
      throw new BadRequestResponse(
          "artifact " + a.uid() + " is a folder; load it with `lamin load --key " + a.key() + "`");
    }
    String name = a.key() != null ? a.key() : a.uid() + (a.suffix() == null ? "" : a.suffix());
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ctx.contentType("application/octet-stream");
    ctx.result(a.openStream());
  }
}
