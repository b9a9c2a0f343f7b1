package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;

/** Table → file → Table for every Tablesaw column type, with missing values, as Parquet and CSV. */
class DataFrameRoundTripTest {
  private final DataFrameFormatProvider provider = new DataFrameFormatProvider();

  @TempDir Path tmp;

  private static Table sample() {
    return Table.create(
        "sample",
        BooleanColumn.create("flag", new boolean[] {true, false, true}).setMissing(2),
        ShortColumn.create("s", (short) 1, (short) -2, (short) 3).setMissing(1),
        IntColumn.create("i", 1, Integer.MAX_VALUE, -7).setMissing(0),
        LongColumn.create("l", 1L, Long.MAX_VALUE, -9L).setMissing(2),
        FloatColumn.create("f", 0.5f, -1.25f, 3f).setMissing(1),
        DoubleColumn.create("d", 0.1, 1e300, -2.5).setMissing(2),
        StringColumn.create("name", "a", "b, \"quoted\"", "ü∂"),
        DateColumn.create(
                "day",
                LocalDate.of(2025, 10, 24),
                LocalDate.of(1970, 1, 1),
                LocalDate.of(1900, 2, 28))
            .setMissing(1),
        TimeColumn.create("time", LocalTime.of(1, 2, 3), LocalTime.of(23, 59, 59), LocalTime.NOON),
        DateTimeColumn.create(
            "at",
            LocalDateTime.of(2025, 1, 2, 3, 4, 5, 6_000_000),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59),
            LocalDateTime.of(2100, 1, 1, 0, 0)),
        InstantColumn.create(
            "when",
            new Instant[] {Instant.parse("2025-10-24T10:15:30.123Z"), Instant.EPOCH, null}));
  }

  @Test
  void parquetKeepsTypesValuesAndMissingness() throws Exception {
    Table in = sample();
    assertThat(provider.canWrite(in)).isTrue();
    assertThat(provider.suffixFor(in, null)).isEqualTo(".parquet");
    Path f = tmp.resolve("t.parquet");
    provider.write(in, f, ".parquet");
    Table out = provider.load(f, ".parquet", Table.class).orElseThrow();
    assertThat(out.columnNames()).isEqualTo(in.columnNames());
    for (int c = 0; c < in.columnCount(); c++) {
      assertThat(out.column(c).type()).as(in.column(c).name()).isEqualTo(in.column(c).type());
      for (int r = 0; r < in.rowCount(); r++) {
        assertThat(out.column(c).isMissing(r))
            .as("%s[%d] missing", in.column(c).name(), r)
            .isEqualTo(in.column(c).isMissing(r));
        assertThat(out.column(c).getString(r))
            .as("%s[%d]", in.column(c).name(), r)
            .isEqualTo(in.column(c).getString(r));
      }
    }
    assertThat(provider.inspect(f, ".parquet").orElseThrow().nObservations()).isEqualTo(3L);
  }

  @Test
  void csvAndTsvGzKeepValues() throws Exception {
    Table in = sample().selectColumns("flag", "i", "l", "d", "name", "day");
    for (String suffix : new String[] {".csv", ".tsv.gz"}) {
      Path f = tmp.resolve("t" + suffix);
      assertThat(provider.suffixFor(in, suffix)).isEqualTo(suffix);
      provider.write(in, f, suffix);
      Table out = provider.load(f, suffix, Table.class).orElseThrow();
      assertThat(out.columnNames()).isEqualTo(in.columnNames());
      for (int c = 0; c < in.columnCount(); c++) {
        for (int r = 0; r < in.rowCount(); r++) {
          assertThat(out.column(c).getString(r))
              .as("%s %s[%d]", suffix, in.column(c).name(), r)
              .isEqualTo(in.column(c).getString(r));
        }
      }
    }
  }

  @Test
  void emptyTableAndManyRowsRoundTrip() throws Exception {
    Table empty = Table.create("e", IntColumn.create("x"), StringColumn.create("y"));
    Path f = tmp.resolve("e.parquet");
    provider.write(empty, f, ".parquet");
    Table back = provider.load(f, ".parquet", Table.class).orElseThrow();
    assertThat(back.rowCount()).isZero();
    assertThat(back.columnNames()).containsExactly("x", "y");

    int n = 300_000;
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = i * 7;
    }
    Path big = tmp.resolve("big.parquet");
    provider.write(Table.create("big", IntColumn.create("v", values)), big, ".parquet");
    Table read = provider.load(big, ".parquet", Table.class).orElseThrow();
    assertThat(read.rowCount()).isEqualTo(n);
    assertThat(read.intColumn("v").sum()).isEqualTo(7.0 * n * (n - 1) / 2);
  }

  @Test
  void unknownSuffixForATableIsRejected() {
    assertThatThrownBy(() -> provider.suffixFor(sample(), ".h5ad"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(".h5ad");
    assertThat(provider.canWrite("not a table")).isFalse();
  }
}
