package org.lamindb.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.lamindb.InvalidArgumentException;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.BiontyRegistry;
import org.lamindb.bionty.model.BioRecord;
import org.lamindb.curate.InspectResult;

/**
 * {@code /ontologies}: the bionty registries; {@code /ontologies/<Entity>}: search (or browse,
 * keyset-paged) and validate a pasted list of values; {@code /ontologies/<Entity>/<uid>}: a term
 * with synonyms, parents and children. Everything goes through bionty's public API.
 */
final class OntologyPages {
  private static final int MAX_VALUES = 5000;

  private final UiServer ui;

  OntologyPages(UiServer ui) {
    this.ui = ui;
  }

  void register(RoutesConfig r) {
    r.get("/ontologies", this::index);
    r.get("/ontologies/{entity}", this::entity);
    r.get("/ontologies/{entity}/{uid}", this::term);
  }

  private Bionty bionty() {
    try {
      return Bionty.of(ui.ln());
    } catch (InvalidArgumentException e) {
      throw new BadRequestResponse(
          "this instance has no ontologies: bionty is not enabled (lamin init --modules bionty)");
    }
  }

  private BiontyRegistry<?> registry(Context ctx) {
    String name = Fmt.name(ctx, "entity");
    try {
      return bionty().registry(name);
    } catch (InvalidArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  private void index(Context ctx) {
    Bionty bt = bionty();
    Html h = new Html().raw("<h1>Ontologies</h1><ul>");
    for (BiontyEntity e : BiontyEntity.values()) {
      h.raw("<li>").link("/ontologies/" + e.className(), e.className()).raw("</li>");
    }
    h.raw("</ul><p class=\"hint\">Import a source with <code>lamin ontology import ...</code>;")
        .raw(" sources known: ")
        .text(bt.sources().limit(1000).count())
        .raw("</p>");
    ctx.html(Layout.page(ui, "Ontologies", h.toString()));
  }

  private void entity(Context ctx) {
    BiontyRegistry<?> reg = registry(ctx);
    entityPage(ctx, reg);
  }

  private <T extends BioRecord<T>> void entityPage(Context ctx, BiontyRegistry<T> reg) {
    BiontyEntity e = reg.entity();
    String q = ctx.queryParam("q");
    String values = ctx.queryParam("values");
    String base = "/ontologies/" + e.className();
    Html h = new Html().raw("<h1>").text(e.className()).raw("</h1>");
    h.raw("<form class=\"filters\" method=\"get\" action=\"")
        .text(base)
        .raw("\"><input type=\"search\" name=\"q\" id=\"ontology-q\" size=\"40\" value=\"")
        .text(q == null ? "" : q)
        .raw(
            "\" placeholder=\"name, synonym or ontology id\"> <button type=\"submit\">Search</button>")
        .raw("</form>");
    List<String> cols = columns(e);
    if (values != null && !values.isBlank()) {
      h.raw(validation(reg, values));
    }
    if (q != null && !q.isBlank()) {
      List<T> hits = reg.search(q.strip(), Paging.SIZE);
      h.raw("<p class=\"hint\">best ").text(hits.size()).raw(" matches</p>");
      h.raw(Tables.of(hits, cols, t -> base + "/" + t.uid()));
    } else {
      Paging<T> p = Paging.of(reg, ctx);
      h.raw(Tables.of(p.rows(), cols, t -> base + "/" + t.uid())).raw(p.nextLink(ctx));
    }
    h.raw("<h2>Validate values</h2><form method=\"get\" action=\"")
        .text(base)
        .raw(
            "\"><textarea name=\"values\" id=\"validate-values\" placeholder=\"one value per line\">")
        .text(values == null ? "" : values)
        .raw("</textarea><button type=\"submit\" id=\"validate\">Validate</button></form>");
    ctx.html(Layout.page(ui, e.className(), h.toString()));
  }

  private static List<String> columns(BiontyEntity e) {
    List<String> cols = new ArrayList<>(List.of("uid", e.nameField()));
    e.ontologyIdField().filter(f -> !f.equals(e.nameField())).ifPresent(cols::add);
    cols.add("synonyms");
    cols.add("description");
    return cols;
  }

  private static String validation(BiontyRegistry<?> reg, String text) {
    List<String> values = new ArrayList<>();
    for (String line : text.split("\\R")) {
      for (String v : line.split("[\\t,]")) {
        if (!v.isBlank()) {
          values.add(v.strip());
        }
      }
    }
    if (values.size() > MAX_VALUES) {
      throw new BadRequestResponse(
          "validate at most " + MAX_VALUES + " values at once, got " + values.size());
    }
    InspectResult r = reg.inspect(values);
    Html h = new Html().raw("<div class=\"validation\" id=\"validation\">");
    h.raw(r.nonValidated().isEmpty() ? "<div class=\"ok\">" : "<div class=\"error\">")
        .text(r.validated().size())
        .raw(" of ")
        .text(r.nUnique())
        .raw(" unique values validated</div>");
    if (!r.nonValidated().isEmpty()) {
      h.raw("<table class=\"list\"><thead><tr><th>not validated</th><th>standardized</th></tr>")
          .raw("</thead><tbody>");
      for (String v : r.nonValidated()) {
        h.raw("<tr>").el("td", v).el("td", r.synonymsMapper().getOrDefault(v, "")).raw("</tr>");
      }
      h.raw("</tbody></table>");
    }
    for (String m : r.messages()) {
      h.raw("<p class=\"hint\">").text(m).raw("</p>");
    }
    return h.raw("</div>").toString();
  }

  private void term(Context ctx) {
    termPage(ctx, registry(ctx));
  }

  private <T extends BioRecord<T>> void termPage(Context ctx, BiontyRegistry<T> reg) {
    String uid = Fmt.uid(ctx, "uid");
    T rec = EntityPages.byUid(reg, uid, reg.entity().className());
    String base = "/ontologies/" + reg.entity().className();
    Html h = new Html();
    Object name = rec.get(reg.entity().nameField());
    h.raw("<h1>").text(reg.entity().className()).raw(" ").text(name).raw("</h1>");
    reg.entity()
        .ontologyIdField()
        .ifPresent(f -> h.raw("<p>ontology id: <code>").text(rec.get(f)).raw("</code></p>"));
    if (rec.description() != null) {
      h.raw("<p class=\"description\">").text(rec.description()).raw("</p>");
    }
    h.raw("<h2>Synonyms</h2>");
    if (rec.synonyms().isEmpty()) {
      h.raw("<p class=\"empty\">none</p>");
    } else {
      h.raw("<ul>");
      for (String s : rec.synonyms()) {
        h.el("li", s);
      }
      h.raw("</ul>");
    }
    if (reg.entity().hasParents()) {
      List<String> cols = columns(reg.entity());
      h.raw("<h2>Parents</h2>").raw(Tables.of(reg.parents(rec), cols, t -> base + "/" + t.uid()));
      h.raw("<h2>Children</h2>").raw(Tables.of(reg.children(rec), cols, t -> base + "/" + t.uid()));
    }
    h.raw("<pre class=\"describe\">").text(rec.describeText()).raw("</pre>");
    ctx.html(Layout.page(ui, String.valueOf(name), h.toString()));
  }
}
