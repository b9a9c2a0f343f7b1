package org.lamindb.ui;

import java.util.List;
import java.util.function.Function;
import org.lamindb.model.SQLRecord;

/** Tables of records: one row per record, the first column links to the record's page. */
final class Tables {
  private Tables() {}

  /**
   * @param rows records
   * @param columns column names ({@link SQLRecord#get(String)})
   * @param href the page of a record, or null for no link
   */
  static <T extends SQLRecord<?>> String of(
      List<T> rows, List<String> columns, Function<T, String> href) {
    if (rows.isEmpty()) {
      return "<p class=\"empty\">Nothing here yet.</p>";
    }
    Html h = new Html().raw("<table class=\"list\"><thead><tr>");
    for (String c : columns) {
      h.el("th", c);
    }
    h.raw("</tr></thead><tbody>");
    for (T r : rows) {
      h.raw("<tr>");
      boolean first = true;
      for (String c : columns) {
        String v = Fmt.value(c, r.get(c));
        h.raw("<td>");
        if (first && href != null) {
          h.link(href.apply(r), v.isEmpty() ? "(unnamed)" : v);
        } else {
          h.text(v);
        }
        h.raw("</td>");
        first = false;
      }
      h.raw("</tr>");
    }
    return h.raw("</tbody></table>").toString();
  }
}
