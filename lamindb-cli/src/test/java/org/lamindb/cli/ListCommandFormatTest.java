package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ListCommandFormatTest {
  private static Table sample() {
    StringColumn key = StringColumn.create("key", "raw/a.csv", "b, \"quoted\"");
    LongColumn size = LongColumn.create("size", 10L, 20L);
    size.setMissing(1);
    BooleanColumn latest = BooleanColumn.create("is_latest", new boolean[] {true, false});
    return Table.create("Artifact", key, size, latest);
  }

  @Test
  void csvQuotesAndKeepsMissingCellsEmpty() {
    assertThat(ListCommand.render(sample(), ListCommand.Format.csv))
        .isEqualTo("key,size,is_latest\nraw/a.csv,10,true\n\"b, \"\"quoted\"\"\",,false\n");
  }

  @Test
  void jsonTypesValuesAndNulls() {
    String json = ListCommand.render(sample(), ListCommand.Format.json).replaceAll("\\s+", "");
    assertThat(json)
        .isEqualTo(
            "[{\"key\":\"raw/a.csv\",\"size\":10,\"is_latest\":true},"
                + "{\"key\":\"b,\\\"quoted\\\"\",\"size\":null,\"is_latest\":false}]");
  }

  @Test
  void tableShowsHeaderAndRowsOrNoRecords() {
    String text = ListCommand.render(sample(), ListCommand.Format.table);
    assertThat(text).contains("key").contains("raw/a.csv").contains("is_latest");
    assertThat(
            ListCommand.render(
                Table.create("Artifact", StringColumn.create("key")), ListCommand.Format.table))
        .isEqualTo("(no records)\n");
  }
}
