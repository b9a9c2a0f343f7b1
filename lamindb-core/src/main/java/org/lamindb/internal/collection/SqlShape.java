package org.lamindb.internal.collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lamindb.InvalidArgumentException;

/**
 * What a query over {@code data} touches, from DuckDB's own parser ({@code json_serialize_sql}):
 * whether it selects {@code *} and which column names it references. The table source uses it to
 * leave out the {@code artifact_uid} join when the query does not need it and to stage only the
 * referenced columns of remote files.
 *
 * @param star the query has a {@code *} (all columns)
 * @param columns lower-cased names of every column reference
 * @param where the simple conjuncts of the WHERE clause ({@code column op constant}, {@code
 *     BETWEEN}, {@code IN}) when the query is one SELECT directly over {@code data}; empty
 *     otherwise. Staging leaves out row groups whose footer statistics rule one of them out.
 */
record SqlShape(boolean star, Set<String> columns, List<Pred> where) {
  /**
   * A literal of the query.
   *
   * @param kind DuckDB's literal kind: {@code INTEGER}, {@code NUMERIC} or {@code STRING}
   * @param text its text
   */
  record Lit(String kind, String text) {}

  /**
   * One conjunct of the WHERE clause on a column of the files.
   *
   * @param column lower-cased column name
   * @param op {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=} or {@code in}
   * @param values the constant (one; several for {@code in})
   */
  record Pred(String column, String op, List<Lit> values) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @return true when {@code column} (any case) may be read
   */
  boolean needs(String column) {
    return star || columns.contains(column.toLowerCase(Locale.ROOT));
  }

  /**
   * Parses {@code sql}; one SELECT statement only (anything else is an InvalidArgumentException).
   */
  static SqlShape of(Connection conn, String sql) throws SQLException {
    String json;
    try (PreparedStatement ps = conn.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
      ps.setString(1, sql);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        json = rs.getString(1);
      }
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new SQLException("cannot read DuckDB's parse tree: " + e.getMessage(), e);
    }
    if (root.path("error").asBoolean(false)) {
      String msg = root.path("error_message").asText("not a SELECT statement");
      throw new InvalidArgumentException(
          "sql() runs one SELECT over the view 'data' (e.g. \"SELECT count(*) FROM data\"): "
              + msg
              + " in: "
              + sql);
    }
    if (root.path("statements").size() != 1) {
      throw new InvalidArgumentException(
          "sql() runs exactly one SELECT statement over 'data', got "
              + root.path("statements").size()
              + ": "
              + sql);
    }
    Set<String> cols = new TreeSet<>();
    boolean[] star = {false};
    walk(root, cols, star);
    return new SqlShape(star[0], cols, where(root.path("statements").get(0).path("node")));
  }

  /**
   * The simple conjuncts of a plain {@code SELECT .. FROM data WHERE ..} (no CTE, join, set op).
   */
  private static List<Pred> where(JsonNode node) {
    JsonNode from = node.path("from_table");
    if (!node.path("type").asText().equals("SELECT_NODE")
        || node.path("cte_map").path("map").size() > 0
        || !from.path("type").asText().equals("BASE_TABLE")
        || !from.path("table_name").asText().equalsIgnoreCase("data")
        || !from.path("schema_name").asText("").isEmpty()) {
      return List.of();
    }
    List<Pred> out = new ArrayList<>();
    conjuncts(node.path("where_clause"), out);
    return List.copyOf(out);
  }

  private static final Map<String, String> OPS =
      Map.of(
          "COMPARE_EQUAL", "=",
          "COMPARE_LESSTHAN", "<",
          "COMPARE_LESSTHANOREQUALTO", "<=",
          "COMPARE_GREATERTHAN", ">",
          "COMPARE_GREATERTHANOREQUALTO", ">=");

  private static final Map<String, String> FLIPPED =
      Map.of("=", "=", "<", ">", "<=", ">=", ">", "<", ">=", "<=");

  private static void conjuncts(JsonNode e, List<Pred> out) {
    String cls = e.path("class").asText("");
    String type = e.path("type").asText("");
    if (cls.equals("CONJUNCTION") && type.equals("CONJUNCTION_AND")) {
      e.path("children").forEach(c -> conjuncts(c, out));
    } else if (cls.equals("COMPARISON") && OPS.containsKey(type)) {
      String col = column(e.path("left"));
      Lit lit = literal(e.path("right"));
      String op = OPS.get(type);
      if (col == null) { // constant op column
        col = column(e.path("right"));
        lit = literal(e.path("left"));
        op = FLIPPED.get(op);
      }
      if (col != null && lit != null) {
        out.add(new Pred(col, op, List.of(lit)));
      }
    } else if (cls.equals("BETWEEN")) {
      String col = column(e.path("input"));
      Lit lo = literal(e.path("lower"));
      Lit hi = literal(e.path("upper"));
      if (col != null && lo != null && hi != null) {
        out.add(new Pred(col, ">=", List.of(lo)));
        out.add(new Pred(col, "<=", List.of(hi)));
      }
    } else if (cls.equals("OPERATOR") && type.equals("COMPARE_IN")) {
      JsonNode ch = e.path("children");
      String col = ch.size() > 1 ? column(ch.get(0)) : null;
      List<Lit> values = new ArrayList<>();
      for (int i = 1; col != null && i < ch.size(); i++) {
        Lit l = literal(ch.get(i));
        if (l == null) {
          return;
        }
        values.add(l);
      }
      if (col != null) {
        out.add(new Pred(col, "in", List.copyOf(values)));
      }
    }
    // anything else (OR, NOT, functions, casts, subqueries) rules nothing out
  }

  private static String column(JsonNode e) {
    if (!e.path("class").asText("").equals("COLUMN_REF")) {
      return null;
    }
    JsonNode names = e.path("column_names");
    if (names.size() == 1) {
      return names.get(0).asText().toLowerCase(Locale.ROOT);
    }
    if (names.size() == 2 && names.get(0).asText().equalsIgnoreCase("data")) {
      return names.get(1).asText().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  private static Lit literal(JsonNode e) {
    if (!e.path("class").asText("").equals("CONSTANT")) {
      return null;
    }
    JsonNode lit = e.path("literal");
    String kind = lit.path("kind").asText("");
    if (!kind.equals("INTEGER") && !kind.equals("NUMERIC") && !kind.equals("STRING")) {
      return null;
    }
    return new Lit(kind, lit.path("text").asText());
  }

  private static void walk(JsonNode n, Set<String> cols, boolean[] star) {
    if (n.isObject()) {
      String cls = n.path("class").asText("");
      if (cls.equals("STAR")) {
        star[0] = true;
      } else if (cls.equals("COLUMN_REF")) {
        JsonNode names = n.path("column_names");
        if (names.size() > 0) {
          cols.add(names.get(names.size() - 1).asText().toLowerCase(Locale.ROOT));
          // t.x and x: the first part may be a table alias or a struct column
          cols.add(names.get(0).asText().toLowerCase(Locale.ROOT));
        }
      }
      n.fields().forEachRemaining(e -> walk(e.getValue(), cols, star));
    } else if (n.isArray()) {
      n.forEach(c -> walk(c, cols, star));
    }
  }
}
