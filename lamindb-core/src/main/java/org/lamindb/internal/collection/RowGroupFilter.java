package org.lamindb.internal.collection;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides from a Parquet row group's footer statistics (min/max per column chunk) whether any of
 * its rows can satisfy the simple WHERE conjuncts of a query ({@link SqlShape#where()}). Only what
 * the statistics prove is ruled out: a missing statistic, a type that is not compared here (dates,
 * timestamps, booleans, nested columns) or a literal of another kind than the column (an integer
 * column against {@code 4.5}, where the engine casts the column) keeps the row group.
 */
final class RowGroupFilter {
  /**
   * Statistics of one column chunk.
   *
   * @param physicalType Parquet physical type ({@code INT32}, {@code INT64}, {@code DOUBLE}, ...)
   * @param min the minimum as DuckDB renders it, or null
   * @param max the maximum, or null
   */
  record Stats(String physicalType, String min, String max) {}

  private static final Set<String> INTEGERS = Set.of("INT32", "INT64");
  private static final Set<String> DECIMALS = Set.of("FLOAT", "DOUBLE", "FIXED_LEN_BYTE_ARRAY");

  private RowGroupFilter() {}

  /**
   * @param where conjuncts of the query's WHERE clause
   * @param byColumn statistics of the row group's chunks by lower-cased column name
   * @return false when the statistics prove that no row of the group satisfies all conjuncts
   */
  static boolean mayMatch(List<SqlShape.Pred> where, Map<String, Stats> byColumn) {
    for (SqlShape.Pred p : where) {
      Stats s = byColumn.get(p.column());
      if (s != null && !mayMatch(p, s)) {
        return false;
      }
    }
    return true;
  }

  /**
   * @return false when {@code s} proves no value of the chunk satisfies {@code p}
   */
  static boolean mayMatch(SqlShape.Pred p, Stats s) {
    if (s.min() == null || s.max() == null || p.values().isEmpty()) {
      return true;
    }
    String t = s.physicalType();
    boolean allInts = p.values().stream().allMatch(l -> l.kind().equals("INTEGER"));
    boolean allNumbers = p.values().stream().allMatch(l -> !l.kind().equals("STRING"));
    boolean allStrings = p.values().stream().allMatch(l -> l.kind().equals("STRING"));
    try {
      if ((INTEGERS.contains(t) && allInts) || (DECIMALS.contains(t) && allNumbers)) {
        BigDecimal min = new BigDecimal(s.min());
        BigDecimal max = new BigDecimal(s.max());
        for (SqlShape.Lit l : p.values()) {
          if (inRange(
              p.op(),
              min.compareTo(new BigDecimal(l.text())),
              max.compareTo(new BigDecimal(l.text())))) {
            return true;
          }
        }
        return false;
      }
    } catch (NumberFormatException notANumber) {
      return true; // dates, timestamps, decimals of another rendering, NaN: keep
    }
    if (t.equals("BYTE_ARRAY") && allStrings) {
      byte[] min = s.min().getBytes(StandardCharsets.UTF_8);
      byte[] max = s.max().getBytes(StandardCharsets.UTF_8);
      for (SqlShape.Lit l : p.values()) {
        byte[] v = l.text().getBytes(StandardCharsets.UTF_8);
        if (inRange(p.op(), Arrays.compareUnsigned(min, v), Arrays.compareUnsigned(max, v))) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  /** Whether some value in [min, max] can satisfy {@code value op literal}, given min/max vs it. */
  private static boolean inRange(String op, int minVsLit, int maxVsLit) {
    return switch (op) {
      case "=", "in" -> minVsLit <= 0 && maxVsLit >= 0;
      case "<" -> minVsLit < 0;
      case "<=" -> minVsLit <= 0;
      case ">" -> maxVsLit > 0;
      case ">=" -> maxVsLit >= 0;
      default -> true;
    };
  }
}
