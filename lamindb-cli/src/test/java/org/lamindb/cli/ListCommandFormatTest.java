package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListCommandFormatTest {
  private static final List<String> COLS = List.of("key", "size", "is_latest");

  private static List<Map<String, Object>> sample() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("key", "raw/a.csv");
    a.put("size", 10L);
    a.put("is_latest", true);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("key", "b, \"quoted\"");
    b.put("size", null);
    b.put("is_latest", false);
    return List.of(a, b);
  }

  @Test
  void csvQuotesAndKeepsMissingCellsEmpty() {
    assertThat(RowTable.render(COLS, sample(), ListCommand.Format.csv))
        .isEqualTo("key,size,is_latest\nraw/a.csv,10,true\n\"b, \"\"quoted\"\"\",,false\n");
  }

  @Test
  void jsonTypesValuesAndNulls() {
    String json = RowTable.render(COLS, sample(), ListCommand.Format.json).replaceAll("\\s+", "");
    assertThat(json)
        .isEqualTo(
            "[{\"key\":\"raw/a.csv\",\"size\":10,\"is_latest\":true},"
                + "{\"key\":\"b,\\\"quoted\\\"\",\"size\":null,\"is_latest\":false}]");
  }

  @Test
  void tableAlignsColumnsCutsLongTextOrSaysNoRecords() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("key", "x".repeat(60) + "\nsecond line");
    c.put("size", 3L);
    c.put("is_latest", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 600, ZoneOffset.ofHours(2)));
    String text = RowTable.render(COLS, List.of(sample().get(0), c), ListCommand.Format.table);
    assertThat(text.lines().toList())
        .containsExactly(
            "key" + " ".repeat(39) + "size  is_latest",
            "-".repeat(40) + "  ----  -------------------",
            "raw/a.csv" + " ".repeat(33) + "10    true",
            "x".repeat(39) + "…  3     2026-01-02 01:04:05");
    assertThat(RowTable.render(COLS, List.of(), ListCommand.Format.table))
        .isEqualTo("(no records)\n");
  }
}
