package org.lamindb.internal.collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
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
 */
record SqlShape(boolean star, Set<String> columns) {
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
    return new SqlShape(star[0], cols);
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
