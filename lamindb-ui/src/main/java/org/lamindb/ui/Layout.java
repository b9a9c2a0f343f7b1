package org.lamindb.ui;

/** The page shell: navigation, instance name, scripts and styles (all served by this server). */
final class Layout {
  static final String HTMX = "/webjars/htmx.org/2.0.10/dist/htmx.min.js";

  private Layout() {}

  /**
   * @param ui the running server (instance name, read-only mode, CSRF token)
   * @param title page title (escaped)
   * @param body page markup
   * @return the full HTML document
   */
  static String page(UiServer ui, String title, String body) {
    return page(ui, title, body, java.util.List.of());
  }

  /**
   * @param scripts extra script URLs (served by this server), loaded deferred in order
   */
  static String page(UiServer ui, String title, String body, java.util.List<String> scripts) {
    Html h = new Html();
    h.raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>")
        .text(title)
        .raw(" · lamin ui</title>")
        .raw("<link rel=\"stylesheet\" href=\"/static/ui.css\">")
        .raw("<script src=\"" + HTMX + "\" defer></script>")
        .raw("<script src=\"/static/ui.js\" defer></script>");
    for (String src : scripts) {
      h.raw("<script src=\"").text(src).raw("\" defer></script>");
    }
    h.raw("<meta name=\"csrf-token\" content=\"")
        .text(ui.security().csrf())
        .raw("\"></head><body><header><nav>")
        .raw("<a class=\"brand\" href=\"/\">lamin ui</a>")
        .raw("<a href=\"/artifacts\">Artifacts</a>")
        .raw("<a href=\"/collections\">Collections</a>")
        .raw("<a href=\"/transforms\">Transforms</a>")
        .raw("<a href=\"/runs\">Runs</a>")
        .raw("<a href=\"/records\">Records</a>")
        .raw("<a href=\"/features\">Features</a>")
        .raw("<a href=\"/schemas\">Schemas</a>")
        .raw("<a href=\"/ulabels\">ULabels</a>")
        .raw("<a href=\"/projects\">Projects</a>")
        .raw("<a href=\"/ontologies\">Ontologies</a>")
        .raw("<a href=\"/notes\">Notes</a>")
        .raw("<span class=\"instance\">")
        .text(ui.ln().slug())
        .raw(ui.security().readOnly() ? " <span class=\"badge\">read-only</span>" : "")
        .raw("</span></nav></header><main>")
        .raw(body)
        .raw("</main></body></html>");
    return h.toString();
  }
}
