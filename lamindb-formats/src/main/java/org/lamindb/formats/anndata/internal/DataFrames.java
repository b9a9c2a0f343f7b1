package org.lamindb.formats.anndata.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lamindb.formats.anndata.DType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads AnnData dataframes (obs, var, dataframes in obsm/uns) into Tablesaw tables; column 0 is the
 * index.
 */
final class DataFrames {
  private static final java.util.Set<String> COLUMN_ENCODINGS =
      java.util.Set.of(
          "array",
          "string-array",
          "categorical",
          "nullable-integer",
          "nullable-boolean",
          "nullable-string-array");

  private DataFrames() {}

  static Table fromGroup(ElementReader r, StoreGroup g, String name) {
    String indexName = g.attrString("_index");
    if (indexName == null) {
      indexName = g.child("_index") != null ? "_index" : g.child("index") != null ? "index" : null;
    }
    List<String> order = columnOrder(g, indexName);
    Table t = Table.create(name);
    int n = -1;
    if (indexName != null && g.child(indexName) != null) {
      StoreNode idx = g.child(indexName);
      StringColumn names =
          idx instanceof StoreArray
              ? Columns.strings(indexName, Columns.stringValues(r, (StoreArray) idx))
              : Columns.column(r, idx, indexName, null).asStringColumn().setName(indexName);
      t.addColumns(names);
      n = names.size();
    }
    StoreGroup legacyCats =
        g.child("__categories") instanceof StoreGroup ? (StoreGroup) g.child("__categories") : null;
    for (String col : order) {
      StoreNode node = g.child(col);
      if (node == null) {
        throw r.invalid(g, "column-order names '" + col + "' but there is no such element");
      }
      String type = r.encodingType(node);
      if (!COLUMN_ENCODINGS.contains(type)) {
        r.warn(node.path(), "unsupported dataframe column encoding '" + type + "'");
        continue;
      }
      Column<?> c = Columns.column(r, node, col, legacyCats);
      if (n >= 0 && c.size() != n) {
        throw r.invalid(node, "column has " + c.size() + " rows but the index has " + n);
      }
      n = c.size();
      if (t.columnNames().contains(col)) {
        c.setName(col + "_");
      }
      t.addColumns(c);
    }
    return t;
  }

  private static List<String> columnOrder(StoreGroup g, String indexName) {
    Object co = g.attrs().get("column-order");
    if (co instanceof String[]) {
      return Arrays.asList((String[]) co);
    }
    if (co instanceof String) {
      return ((String) co).isEmpty() ? List.of() : List.of((String) co);
    }
    if (co != null) {
      return List.of(); // empty numeric array written for "no columns"
    }
    List<String> out = new ArrayList<>();
    for (String c : g.childNames()) {
      if (!c.equals(indexName) && !c.equals("__categories")) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * A table from a compound (record) array: anndata &lt;= 0.6 obs/var (field {@code index} first)
   * or a uns rec-array. {@code categories} maps a field to its categories (legacy {@code
   * uns/<field>_categories}).
   */
  static Table fromRecords(
      ElementReader r, StoreArray a, String name, Map<String, String[]> categories) {
    if (a.dtype() != null) {
      throw r.invalid(a, "expected a record (compound) array");
    }
    if (a.shape().length != 1) {
      throw r.invalid(a, "record arrays must be 1-d");
    }
    for (String f : a.fieldNames()) {
      if (a.fieldShape(f).length > 0) {
        throw r.invalid(
            a,
            "field '"
                + f
                + "' is a sub-array; record arrays with sub-array fields are not supported");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) a.read();
    Table t = Table.create(name);
    List<String> names = new ArrayList<>(fields.keySet());
    if (names.remove("index")) {
      names.add(0, "index");
    }
    for (String f : names) {
      Object v = fields.get(f);
      String[] cats = categories.get(f);
      if (cats != null) {
        t.addColumns(Columns.strings(f, Columns.decode(r, a, v, cats)));
      } else {
        t.addColumns(Columns.of(f, v, DType.ofArray(v)));
      }
    }
    return t;
  }
}
