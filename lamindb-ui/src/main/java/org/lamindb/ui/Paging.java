package org.lamindb.ui;

import io.javalin.http.Context;
import java.util.List;
import org.lamindb.model.SQLRecord;
import org.lamindb.query.QuerySet;

/**
 * Keyset pagination: newest first by id, {@code ?before=<id>} continues after the last row shown,
 * so a page costs one indexed range scan whatever the table size (never an offset or a full load).
 *
 * @param rows the rows of this page
 * @param next the cursor of the next page, or null on the last page
 */
record Paging<T extends SQLRecord<?>>(List<T> rows, Long next) {
  static final int SIZE = 50;

  static <T extends SQLRecord<?>> Paging<T> of(QuerySet<T> q, Context ctx) {
    Long before = Fmt.cursor(ctx, "before");
    QuerySet<T> page = before == null ? q : q.filter("id__lt", before);
    List<T> rows = page.orderBy("-id").limit(SIZE + 1).list();
    if (rows.size() > SIZE) {
      return new Paging<>(rows.subList(0, SIZE), rows.get(SIZE - 1).id());
    }
    return new Paging<>(rows, null);
  }

  /**
   * @return the "next page" link, keeping the other query parameters
   */
  String nextLink(Context ctx) {
    if (next == null) {
      return "";
    }
    StringBuilder q = new StringBuilder(ctx.path()).append("?before=").append(next);
    for (var e : ctx.queryParamMap().entrySet()) {
      if (e.getKey().equals("before")) {
        continue;
      }
      for (String v : e.getValue()) {
        q.append('&').append(Html.url(e.getKey())).append('=').append(Html.url(v));
      }
    }
    return "<p class=\"pager\"><a rel=\"next\" href=\""
        + Html.esc(q.toString())
        + "\">next page →</a></p>";
  }
}
