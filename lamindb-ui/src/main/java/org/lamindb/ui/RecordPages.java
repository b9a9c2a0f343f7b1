package org.lamindb.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;
import org.lamindb.model.Feature;
import org.lamindb.model.Record;
import org.lamindb.model.Schema;

/**
 * {@code /records}: record types; {@code /records/<uid>}: a record type as a sheet ({@link
 * SheetView}), or one record's describe page with its notes.
 */
final class RecordPages {
  private final UiServer ui;
  private final SheetView sheets;

  RecordPages(UiServer ui) {
    this.ui = ui;
    this.sheets = new SheetView(ui);
  }

  void register(RoutesConfig r) {
    r.get("/records", this::types);
    r.get("/records/{uid}", this::record);
    sheets.register(r);
  }

  private void types(Context ctx) {
    Paging<Record> p = Paging.of(ui.ln().records().filter("is_type", true), ctx);
    ctx.html(
        Layout.page(
            ui,
            "Records",
            "<h1>Record types</h1><p class=\"hint\">A record type with a schema is a sheet.</p>"
                + Tables.of(
                    p.rows(),
                    List.of("uid", "name", "description", "created_at"),
                    t -> "/records/" + t.uid())
                + p.nextLink(ctx)));
  }

  private void record(Context ctx) {
    String uid = Fmt.uid(ctx, "uid");
    Record rec = EntityPages.byUid(ui.ln().records(), uid, "record");
    if (rec.isType()) {
      sheets.render(ctx, rec);
      return;
    }
    Html h = new Html();
    h.raw("<h1>Record ").text(rec.name() != null ? rec.name() : rec.uid()).raw("</h1>");
    Record type = rec.type();
    if (type != null) {
      h.raw("<p>type: ").link("/records/" + type.uid(), type.name()).raw("</p>");
    }
    h.raw("<pre class=\"describe\">").text(rec.describeText()).raw("</pre>");
    h.raw(NotesView.section(ui, rec.notes(), "/records/" + rec.uid()));
    ctx.html(Layout.page(ui, "Record " + rec.uid(), h.toString()));
  }

  /**
   * @return the features that are the sheet's columns: its schema's members
   */
  static List<Feature> columns(Record type) {
    Schema s = type.schema();
    return s == null ? List.of() : s.members();
  }

  static void requireType(Record type) {
    if (!type.isType()) {
      throw new BadRequestResponse("record " + type.uid() + " is not a record type (no sheet)");
    }
  }
}
