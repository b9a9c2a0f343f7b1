package org.lamindb.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.model.Feature;
import org.lamindb.model.Record;
import org.lamindb.model.SQLRecord;

/**
 * A record type as an editable grid: rows are its records (keyset-paged), columns its schema's
 * features. Each cell edit is one {@code setValues} call (validated by the API, one transaction); a
 * bad value is shown in its cell with the {@code ValidationException} message and nothing is
 * written. The last edit can be undone; rows can be added, deleted, or pasted as a block of
 * tab-separated cells (header row = column names).
 */
final class SheetView {
  /** The last cell edit: enough to restore the previous value. */
  record Edit(String typeUid, String recordUid, String feature, Object previous) {}

  private final UiServer ui;
  private final AtomicReference<Edit> last = new AtomicReference<>();

  SheetView(UiServer ui) {
    this.ui = ui;
  }

  void register(RoutesConfig r) {
    r.post("/records/{uid}/cell", this::cell);
    r.post("/records/{uid}/rows", this::addRow);
    r.post("/records/{uid}/rows/{row}/delete", this::deleteRow);
    r.post("/records/{uid}/undo", this::undo);
    r.post("/records/{uid}/paste", this::paste);
  }

  private LaminDB ln() {
    return ui.ln();
  }

  private Record type(Context ctx) {
    Record t = EntityPages.byUid(ln().records(), Fmt.uid(ctx, "uid"), "record type");
    RecordPages.requireType(t);
    return t;
  }

  void render(Context ctx, Record type) {
    List<Feature> cols = RecordPages.columns(type);
    Paging<Record> p =
        Paging.of(ln().records().filter("type_id", type.id()).filter("is_type", false), ctx);
    Html h = new Html();
    h.raw("<h1>Sheet ").text(type.name()).raw("</h1>");
    if (type.description() != null) {
      h.raw("<p class=\"description\">").text(type.description()).raw("</p>");
    }
    if (cols.isEmpty()) {
      h.raw("<p class=\"hint\">This record type has no schema, so the sheet has only names.")
          .raw(" Give it one: <code>ln.record(\"")
          .text(type.name())
          .raw("\").isType(true).schema(ln.schema(...))</code></p>");
    }
    Edit e = last.get();
    boolean write = !ui.readOnly();
    if (write && e != null && e.typeUid().equals(type.uid())) {
      h.raw("<form method=\"post\" action=\"/records/")
          .text(type.uid())
          .raw("/undo\" class=\"inline\">")
          .raw(ui.security().csrfInput())
          .raw("<button type=\"submit\" class=\"secondary\" id=\"undo\">Undo last edit (")
          .text(e.feature())
          .raw(")</button></form>");
    }
    for (Feature f : cols) {
      h.raw(datalist(f));
    }
    h.raw("<table class=\"list sheet\" id=\"sheet\"><thead><tr><th>name</th>");
    for (Feature f : cols) {
      h.raw("<th title=\"").text(f.dtypeString()).raw("\">").text(f.name()).raw("</th>");
    }
    h.raw(write ? "<th></th>" : "").raw("</tr></thead><tbody>");
    for (Record rec : p.rows()) {
      Map<String, Object> values = cols.isEmpty() ? Map.of() : rec.features().get();
      h.raw("<tr data-uid=\"").text(rec.uid()).raw("\"><td>");
      h.link("/records/" + rec.uid(), rec.name() == null ? rec.uid() : rec.name()).raw("</td>");
      for (Feature f : cols) {
        h.raw(cell(type, rec, f, text(values.get(f.name())), null));
      }
      if (write) {
        h.raw("<td><form method=\"post\" action=\"/records/")
            .text(type.uid())
            .raw("/rows/")
            .text(rec.uid())
            .raw("/delete\">")
            .raw(ui.security().csrfInput())
            .raw("<button type=\"submit\" class=\"secondary\" title=\"delete row\">✕</button>")
            .raw("</form></td>");
      }
      h.raw("</tr>");
    }
    h.raw("</tbody></table>").raw(p.nextLink(ctx));
    if (write) {
      h.raw("<form method=\"post\" class=\"filters\" action=\"/records/")
          .text(type.uid())
          .raw("/rows\">")
          .raw(ui.security().csrfInput())
          .raw(
              "<input type=\"search\" name=\"name\" id=\"new-row\" placeholder=\"new record name\">")
          .raw("<button type=\"submit\" id=\"add-row\">Add row</button></form>");
      h.raw("<details><summary>Paste cells</summary><form method=\"post\" action=\"/records/")
          .text(type.uid())
          .raw("/paste\">")
          .raw(ui.security().csrfInput())
          .raw("<p class=\"hint\">Tab-separated, as copied from a spreadsheet; the first row names")
          .raw(" the columns (<code>name</code>, then features). Rows with an existing name are")
          .raw(" updated. Every value is validated first; nothing is written if one fails.</p>")
          .raw("<textarea name=\"cells\" id=\"paste-cells\"></textarea>")
          .raw("<button type=\"submit\" id=\"paste\">Paste</button></form></details>");
    }
    h.raw(NotesView.section(ui, type.notes(), "/records/" + type.uid()));
    ctx.html(Layout.page(ui, "Sheet " + type.name(), h.toString()));
  }

  private static String datalistId(Feature f) {
    return "dl-" + f.uid();
  }

  /** Autocomplete of a categorical feature: the first names of its registry (or record type). */
  private String datalist(Feature f) {
    String d = f.dtypeString();
    if (d == null || !d.startsWith("cat[") || !d.endsWith("]")) {
      return "";
    }
    String inner = d.substring(4, d.length() - 1);
    List<String> names = new ArrayList<>();
    try {
      List<? extends SQLRecord<?>> options;
      if (inner.startsWith("Record[") && inner.endsWith("]")) {
        String typeRef = inner.substring(7, inner.length() - 1);
        options = ln().records().filter("type__uid", typeRef).limit(200).list();
        if (options.isEmpty()) {
          options = ln().records().filter("type__name", typeRef).limit(200).list();
        }
      } else {
        String reg = inner.contains("[") ? inner.substring(0, inner.indexOf('[')) : inner;
        options = ln().registry(reg).limit(200).list();
      }
      for (SQLRecord<?> o : options) {
        Object n = o.get("name");
        if (n != null) {
          names.add(n.toString());
        }
      }
    } catch (RuntimeException e) {
      return "";
    }
    Html h = new Html().raw("<datalist id=\"").text(datalistId(f)).raw("\">");
    for (String n : names) {
      h.raw("<option value=\"").text(n).raw("\">");
    }
    return h.raw("</datalist>").toString();
  }

  private String cell(Record type, Record rec, Feature f, String value, String error) {
    Html h = new Html();
    h.raw(error == null ? "<td>" : "<td class=\"bad\">");
    String d = f.dtypeString() == null ? "" : f.dtypeString();
    if (ui.readOnly()) {
      h.text(value);
    } else {
      h.raw("<form method=\"post\" action=\"/records/")
          .text(type.uid())
          .raw("/cell\" hx-post=\"/records/")
          .text(type.uid())
          .raw("/cell\" hx-trigger=\"change\" hx-target=\"closest td\" hx-swap=\"outerHTML\">")
          .raw(ui.security().csrfInput())
          .raw("<input type=\"hidden\" name=\"row\" value=\"")
          .text(rec.uid())
          .raw("\"><input type=\"hidden\" name=\"feature\" value=\"")
          .text(f.name())
          .raw("\"><input name=\"value\" data-feature=\"")
          .text(f.name())
          .raw("\" value=\"")
          .text(value)
          .raw("\"");
      if (d.startsWith("cat[")) {
        h.raw(" list=\"").text(datalistId(f)).raw("\"");
      } else if (d.equals("int") || d.equals("float") || d.equals("num")) {
        h.raw(" inputmode=\"decimal\"");
      } else if (d.equals("date")) {
        h.raw(" placeholder=\"YYYY-MM-DD\"");
      }
      h.raw("></form>");
    }
    if (error != null) {
      h.raw("<span class=\"msg\" role=\"alert\">").text(error).raw("</span>");
    }
    return h.raw("</td>").toString();
  }

  private static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof java.util.Collection<?> c) {
      List<String> parts = new ArrayList<>();
      for (Object o : c) {
        parts.add(String.valueOf(o));
      }
      return String.join(", ", parts);
    }
    return v.toString();
  }

  /** Parses a cell's text by its feature's dtype; what does not parse goes to the API as text. */
  static Object typed(Feature f, String text) {
    String d = f.dtypeString() == null ? "" : f.dtypeString().toLowerCase(Locale.ROOT);
    String t = text.strip();
    try {
      return switch (d) {
        case "int" -> Long.parseLong(t);
        case "float", "num" -> Double.parseDouble(t);
        case "bool" ->
            t.equalsIgnoreCase("true")
                ? Boolean.TRUE
                : t.equalsIgnoreCase("false") ? Boolean.FALSE : t;
        case "date" -> LocalDate.parse(t);
        default -> t;
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      return t;
    }
  }

  private void cell(Context ctx) {
    Record type = type(ctx);
    String rowUid = ctx.formParam("row");
    String featureName = ctx.formParam("feature");
    String value = ctx.formParam("value");
    if (rowUid == null || featureName == null || value == null) {
      throw new BadRequestResponse("a cell edit needs 'row', 'feature' and 'value'");
    }
    Record rec = EntityPages.byUid(ln().records(), rowUid, "record");
    if (rec.type() == null || !type.id().equals(rec.type().id())) {
      throw new BadRequestResponse("record " + rowUid + " is not in sheet " + type.name());
    }
    Feature f =
        RecordPages.columns(type).stream()
            .filter(c -> c.name().equals(featureName))
            .findFirst()
            .orElseThrow(
                () ->
                    new BadRequestResponse(
                        "'" + featureName + "' is not a column of sheet " + type.name()));
    Object previous = rec.features().get(f.name());
    String error = null;
    try {
      write(rec, f, value.isBlank() ? null : typed(f, value));
      last.set(new Edit(type.uid(), rec.uid(), f.name(), previous));
    } catch (ValidationException e) {
      error = e.getMessage();
    }
    respond(ctx, type, error, cell(type, rec, f, value, error));
  }

  private static void write(Record rec, Feature f, Object value) {
    if (value == null) {
      rec.features().remove(f.name());
    } else {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(f.name(), value);
      rec.features().setValues(m);
    }
  }

  private void respond(Context ctx, Record type, String error, String fragment) {
    if (ctx.header("HX-Request") != null) {
      ctx.html(fragment);
    } else if (error != null) {
      throw new ValidationException(error);
    } else {
      ctx.redirect("/records/" + type.uid());
    }
  }

  private void undo(Context ctx) {
    Record type = type(ctx);
    Edit e = last.get();
    if (e == null || !e.typeUid().equals(type.uid())) {
      throw new BadRequestResponse("nothing to undo in sheet " + type.name());
    }
    Record rec = EntityPages.byUid(ln().records(), e.recordUid(), "record");
    Feature f =
        RecordPages.columns(type).stream()
            .filter(c -> c.name().equals(e.feature()))
            .findFirst()
            .orElseThrow();
    write(rec, f, e.previous());
    last.compareAndSet(e, null);
    ctx.redirect("/records/" + type.uid());
  }

  private void addRow(Context ctx) {
    Record type = type(ctx);
    String name = ctx.formParam("name");
    if (name == null || name.isBlank()) {
      throw new BadRequestResponse("a new row needs a name");
    }
    new Record(ln()).name(name.strip()).type(type).save();
    ctx.redirect("/records/" + type.uid());
  }

  private void deleteRow(Context ctx) {
    Record type = type(ctx);
    Record rec = EntityPages.byUid(ln().records(), Fmt.uid(ctx, "row"), "record");
    if (rec.type() == null || !type.id().equals(rec.type().id())) {
      throw new BadRequestResponse("record " + rec.uid() + " is not in sheet " + type.name());
    }
    rec.delete();
    ctx.redirect("/records/" + type.uid());
  }

  private void paste(Context ctx) {
    Record type = type(ctx);
    String cells = ctx.formParam("cells");
    if (cells == null || cells.isBlank()) {
      throw new BadRequestResponse("paste needs tab-separated cells with a header row");
    }
    tech.tablesaw.api.Table t;
    try {
      t =
          tech.tablesaw.api.Table.read()
              .usingOptions(
                  tech.tablesaw.io.csv.CsvReadOptions.builder(new StringReader(cells))
                      .separator('\t')
                      .header(true));
    } catch (RuntimeException e) {
      throw new BadRequestResponse("cannot read the pasted cells: " + e.getMessage());
    }
    Record.fromDataFrame(t, type);
    ctx.redirect("/records/" + type.uid());
  }
}
