package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Microsecond and nanosecond timestamps keep full precision: Tablesaw's date-time and instant
 * columns hold milliseconds, so a column with sub-millisecond values loads as a long column of
 * epoch microseconds / nanoseconds (UTC); a column whose values are whole milliseconds stays a
 * date-time column.
 */
class ParquetTimestampPrecisionTest {
  @TempDir Path tmp;

  @Test
  void subMillisecondTimestampsLoadAsEpochLongsWholeMillisecondsAsDateTimes() throws Exception {
    Path f = tmp.resolve("ts.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT TIMESTAMP_NS '2024-01-02 03:04:05.123456789' AS ns,"
              + " TIMESTAMP '2024-01-02 03:04:05.123456' AS us,"
              + " TIMESTAMP '2024-01-02 03:04:05.123' AS whole_ms,"
              + " TIMESTAMPTZ '2024-01-02 03:04:05.123456+00' AS tz_us"
              + " UNION ALL SELECT NULL, NULL, NULL, NULL) TO '"
              + f
              + "' (FORMAT parquet)");
    }
    Table t = new DataFrameFormatProvider().load(f, ".parquet", Table.class).orElseThrow();
    // 2024-01-02T03:04:05Z = 1704164645 s since the epoch
    assertThat(t.column("ns").type()).isEqualTo(ColumnType.LONG);
    assertThat(t.longColumn("ns").get(0)).isEqualTo(1_704_164_645_123_456_789L);
    assertThat(t.longColumn("ns").isMissing(1)).isTrue();
    assertThat(t.longColumn("us").get(0)).isEqualTo(1_704_164_645_123_456L);
    assertThat(t.longColumn("tz_us").get(0)).isEqualTo(1_704_164_645_123_456L);
    assertThat(t.column("whole_ms").type()).isEqualTo(ColumnType.LOCAL_DATE_TIME);
    assertThat(t.dateTimeColumn("whole_ms").get(0))
        .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000));
    assertThat(t.dateTimeColumn("whole_ms").isMissing(1)).isTrue();
  }
}
