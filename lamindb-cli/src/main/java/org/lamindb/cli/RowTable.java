package org.lamindb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Prints query rows (maps from {@code QuerySet.values}) as an aligned text table, CSV or JSON,
 * without building a data frame. Table cells longer than {@link #MAX_CELL} characters are cut with
 * {@code …}; CSV and JSON keep full values.
 */
final class RowTable {
  /** Longest table cell; longer text is cut. */
  static final int MAX_CELL = 40;

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private RowTable() {}

  /**
   * @return the rows in {@code format}, ending with a newline
   */
  static String render(
      List<String> cols, List<Map<String, Object>> rows, ListCommand.Format format) {
    return switch (format) {
      case csv -> csv(cols, rows);
      case json -> json(cols, rows) + "\n";
      case table -> rows.isEmpty() ? "(no records)\n" : table(cols, rows);
    };
  }

  private static String table(List<String> cols, List<Map<String, Object>> rows) {
    int[] width = new int[cols.size()];
    String[][] cells = new String[rows.size()][cols.size()];
    for (int c = 0; c < cols.size(); c++) {
      width[c] = cols.get(c).length();
      for (int i = 0; i < rows.size(); i++) {
        String s = text(rows.get(i).get(cols.get(c))).replaceAll("\\s*[\\r\\n]+\\s*", " ");
        if (s.length() > MAX_CELL) {
          s = s.substring(0, MAX_CELL - 1) + "…";
        }
        cells[i][c] = s;
        width[c] = Math.max(width[c], s.length());
      }
    }
    StringBuilder b = new StringBuilder();
    line(b, cols.toArray(String[]::new), width);
    String[] rule = new String[cols.size()];
    for (int c = 0; c < cols.size(); c++) {
      rule[c] = "-".repeat(width[c]);
    }
    line(b, rule, width);
    for (String[] row : cells) {
      line(b, row, width);
    }
    return b.toString();
  }

  private static void line(StringBuilder b, String[] cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      l.append(c == 0 ? "" : "  ").append(String.format("%-" + width[c] + "s", cells[c]));
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }

  private static String csv(List<String> cols, List<Map<String, Object>> rows) {
    StringBuilder b = new StringBuilder();
    b.append(String.join(",", cols.stream().map(RowTable::csvCell).toList())).append('\n');
    for (Map<String, Object> r : rows) {
      b.append(String.join(",", cols.stream().map(c -> csvCell(text(r.get(c)))).toList()))
          .append('\n');
    }
    return b.toString();
  }

  private static String csvCell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }

  private static String json(List<String> cols, List<Map<String, Object>> rows) {
    ObjectMapper om = new ObjectMapper();
    ArrayNode arr = om.createArrayNode();
    for (Map<String, Object> r : rows) {
      ObjectNode o = arr.addObject();
      for (String c : cols) {
        Object v = r.get(c);
        if (v == null) {
          o.putNull(c);
        } else if (v instanceof Long || v instanceof Integer) {
          o.put(c, ((Number) v).longValue());
        } else if (v instanceof Number n) {
          o.put(c, n.doubleValue());
        } else if (v instanceof Boolean bo) {
          o.put(c, bo);
        } else if (v instanceof JsonNode j) {
          o.set(c, j);
        } else {
          o.put(c, text(v));
        }
      }
    }
    try {
      return om.writerWithDefaultPrettyPrinter().writeValueAsString(arr);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @return a cell's text: empty for null, UTC timestamps without fractions, sets comma-joined
   */
  static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof OffsetDateTime t) {
      return TS.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }
    if (v instanceof java.util.Collection<?> c) {
      return String.join(", ", c.stream().map(String::valueOf).toList());
    }
    return v.toString();
  }
}
