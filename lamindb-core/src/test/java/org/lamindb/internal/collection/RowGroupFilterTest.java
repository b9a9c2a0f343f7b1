package org.lamindb.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lamindb.internal.duckdb.DuckDb;

/** WHERE conjuncts from DuckDB's parse tree, and row groups they rule out by min/max statistics. */
class RowGroupFilterTest {
  static List<SqlShape.Pred> where(String sql) throws Exception {
    try (Connection c = DuckDb.open()) {
      return SqlShape.of(c, sql).where();
    }
  }

  static SqlShape.Pred pred(String col, String op, String kind, String... texts) {
    return new SqlShape.Pred(
        col, op, java.util.Arrays.stream(texts).map(t -> new SqlShape.Lit(kind, t)).toList());
  }

  @Test
  void conjunctsOfAPlainSelectOverData() throws Exception {
    assertThat(
            where(
                "SELECT g, sum(x) FROM data WHERE X >= 5 AND 3 > x AND y < 2.5 AND s = 'a'"
                    + " AND x BETWEEN 1 AND 9 AND x IN (1, 2) AND data.z = 4 GROUP BY g"))
        .containsExactly(
            pred("x", ">=", "INTEGER", "5"),
            pred("x", "<", "INTEGER", "3"),
            pred("y", "<", "NUMERIC", "2.5"),
            pred("s", "=", "STRING", "a"),
            pred("x", ">=", "INTEGER", "1"),
            pred("x", "<=", "INTEGER", "9"),
            pred("x", "in", "INTEGER", "1", "2"),
            pred("z", "=", "INTEGER", "4"));
  }

  @Test
  void nothingIsTakenFromOrNotFunctionsJoinsOrCtes() throws Exception {
    assertThat(where("SELECT * FROM data WHERE x = 1 OR x = 2")).isEmpty();
    assertThat(where("SELECT * FROM data WHERE NOT x = 1")).isEmpty();
    assertThat(where("SELECT * FROM data WHERE x % 7 = 0 AND abs(y) < 1")).isEmpty();
    assertThat(where("SELECT * FROM data WHERE x = y")).isEmpty();
    assertThat(where("SELECT * FROM data d JOIN data e USING (x) WHERE x = 1")).isEmpty();
    assertThat(where("WITH t AS (SELECT * FROM data) SELECT * FROM t WHERE x = 1")).isEmpty();
    assertThat(where("SELECT * FROM (SELECT * FROM data) WHERE x = 1")).isEmpty();
    assertThat(where("SELECT * FROM data WHERE x = 1 UNION ALL SELECT * FROM data")).isEmpty();
    assertThat(where("SELECT * FROM data WHERE x = 1 AND (y = 2 OR y = 3)"))
        .containsExactly(pred("x", "=", "INTEGER", "1"));
  }

  @Test
  void integerStatisticsRuleOutOnlyWhatTheyProve() {
    var s = new RowGroupFilter.Stats("INT64", "100", "199");
    assertThat(RowGroupFilter.mayMatch(pred("x", "<", "INTEGER", "100"), s)).isFalse();
    assertThat(RowGroupFilter.mayMatch(pred("x", "<=", "INTEGER", "100"), s)).isTrue();
    assertThat(RowGroupFilter.mayMatch(pred("x", ">", "INTEGER", "199"), s)).isFalse();
    assertThat(RowGroupFilter.mayMatch(pred("x", ">=", "INTEGER", "199"), s)).isTrue();
    assertThat(RowGroupFilter.mayMatch(pred("x", "=", "INTEGER", "250"), s)).isFalse();
    assertThat(RowGroupFilter.mayMatch(pred("x", "in", "INTEGER", "5", "150"), s)).isTrue();
    assertThat(RowGroupFilter.mayMatch(pred("x", "in", "INTEGER", "5", "250"), s)).isFalse();
    // the engine casts an integer column against a decimal literal: keep
    assertThat(RowGroupFilter.mayMatch(pred("x", "<", "NUMERIC", "2.5"), s)).isTrue();
    assertThat(RowGroupFilter.mayMatch(pred("x", "=", "STRING", "1"), s)).isTrue();
    // no statistics, dates (INT32 rendered as a date): keep
    assertThat(
            RowGroupFilter.mayMatch(
                pred("x", "<", "INTEGER", "1"), new RowGroupFilter.Stats("INT64", null, null)))
        .isTrue();
    assertThat(
            RowGroupFilter.mayMatch(
                pred("d", "<", "INTEGER", "1"),
                new RowGroupFilter.Stats("INT32", "2026-01-01", "2026-02-01")))
        .isTrue();
  }

  @Test
  void doubleAndStringStatistics() {
    var d = new RowGroupFilter.Stats("DOUBLE", "0.5", "2.5E+1");
    assertThat(RowGroupFilter.mayMatch(pred("y", ">", "NUMERIC", "25.5"), d)).isFalse();
    assertThat(RowGroupFilter.mayMatch(pred("y", ">", "INTEGER", "24"), d)).isTrue();
    assertThat(RowGroupFilter.mayMatch(pred("y", "<", "NUMERIC", "0.5"), d)).isFalse();
    var s = new RowGroupFilter.Stats("BYTE_ARRAY", "apple", "melon");
    assertThat(RowGroupFilter.mayMatch(pred("s", "=", "STRING", "kiwi"), s)).isTrue();
    assertThat(RowGroupFilter.mayMatch(pred("s", "=", "STRING", "zebra"), s)).isFalse();
    assertThat(RowGroupFilter.mayMatch(pred("s", "<", "STRING", "apple"), s)).isFalse();
    assertThat(RowGroupFilter.mayMatch(pred("s", "=", "INTEGER", "1"), s)).isTrue();
    // all conjuncts must hold: one ruled-out conjunct rules the group out
    assertThat(
            RowGroupFilter.mayMatch(
                List.of(pred("s", "=", "STRING", "kiwi"), pred("y", ">", "INTEGER", "30")),
                Map.of("s", s, "y", d)))
        .isFalse();
    assertThat(RowGroupFilter.mayMatch(List.of(pred("q", "=", "INTEGER", "1")), Map.of("s", s)))
        .isTrue();
  }
}
