package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.ValidationException;
import tech.tablesaw.api.Table;

/**
 * Dates and timestamps whose year a Tablesaw column cannot hold (outside -32768..32767; Tablesaw
 * packs the year into 16 bits, so year 35731 would load as -29805) are rejected naming the column,
 * at save-time inspection and at load alike — INT96 timestamps (Impala/Spark) included.
 */
class ParquetDateRangeTest {
  @TempDir Path tmp;
  final DataFrameFormatProvider provider = new DataFrameFormatProvider();

  private Path duck(String name, String select) throws Exception {
    Path f = tmp.resolve(name);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("COPY (" + select + ") TO '" + f + "' (FORMAT parquet)");
    }
    return f;
  }

  private void assertRejected(Path f, String column, String valueText) {
    assertThatThrownBy(() -> provider.inspect(f, ".parquet"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("column \"" + column + "\"")
        .hasMessageContaining(valueText)
        .hasMessageContaining("-32768..32767");
    assertThatThrownBy(() -> provider.load(f, ".parquet", Table.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("column \"" + column + "\"");
  }

  @Test
  void timestampBeyondYear32767IsRejectedAtSaveAndLoadInsteadOfWrapping() throws Exception {
    Path f =
        duck(
            "far.parquet",
            "SELECT * FROM (VALUES (TIMESTAMP '2024-01-01 00:00:00'),"
                + " (TIMESTAMP '35731-06-01 12:00:00'), (NULL)) v(\"when it's\")");
    assertRejected(f, "when it's", "35731");
  }

  @Test
  void dateBeyondYear32767IsRejected() throws Exception {
    Path f = duck("d.parquet", "SELECT DATE '40000-01-01' AS day UNION ALL SELECT NULL");
    assertRejected(f, "day", "40000");
  }

  @Test
  void timestampWithTimeZoneBeyondRangeIsRejected() throws Exception {
    Path f = duck("tz.parquet", "SELECT TIMESTAMPTZ '33000-01-01 00:00:00+00' AS at");
    assertRejected(f, "at", "33000");
  }

  @Test
  void valuesAtTheEdgesOfTheRangeAndNullsStillLoad() throws Exception {
    Path f =
        duck(
            "edge.parquet",
            "SELECT * FROM (VALUES (TIMESTAMP '32767-12-31 23:59:59', DATE '32767-12-31'),"
                + " (TIMESTAMP '1900-01-01 00:00:00', DATE '0001-01-01'), (NULL, NULL)) v(t, d)");
    assertThat(provider.inspect(f, ".parquet")).isPresent();
    Table t = provider.load(f, ".parquet", Table.class).orElseThrow();
    assertThat(t.dateTimeColumn("t").get(0)).isEqualTo(LocalDateTime.of(32767, 12, 31, 23, 59, 59));
    assertThat(t.dateTimeColumn("t").get(1)).isEqualTo(LocalDateTime.of(1900, 1, 1, 0, 0));
    assertThat(t.dateTimeColumn("t").isMissing(2)).isTrue();
    assertThat(t.dateColumn("d").get(0)).isEqualTo(LocalDate.of(32767, 12, 31));
    assertThat(t.dateColumn("d").get(1)).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(t.dateColumn("d").isMissing(2)).isTrue();
  }

  /**
   * Impala's alltypes_plain.parquet (shared data) holds INT96 timestamps in an uncompressed PLAIN
   * page without CRCs; moving the Julian day of its first value 12.3 million days ahead (year
   * ~35700) gives an out-of-range INT96 timestamp as other writers produce them.
   */
  @Test
  void int96TimestampOutOfRangeIsRejectedNamingTheColumn() throws Exception {
    Path original = SharedTestData.formats().resolve("parquet/alltypes_plain.parquet");
    Table ok = provider.load(original, ".parquet", Table.class).orElseThrow();
    assertThat(ok.dateTimeColumn("timestamp_col").get(0).getYear()).isEqualTo(2009);

    byte[] b = Files.readAllBytes(original);
    int at = firstJulianDay(b);
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(at, buf.getInt(at) + 12_330_000);
    Path far = Files.write(tmp.resolve("int96-far.parquet"), b);
    assertRejected(far, "timestamp_col", "357");
  }

  /** Offset of the first of 8 INT96 values' Julian day (int32, 12-byte stride, 2009 dates). */
  private static int firstJulianDay(byte[] b) {
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 12 * 7 + 4 <= b.length; i++) {
      boolean all = true;
      for (int k = 0; k < 8 && all; k++) {
        int day = buf.getInt(i + 12 * k);
        all = day >= 2_454_800 && day <= 2_455_300; // 2008-12 .. 2010-04
      }
      if (all) {
        return i;
      }
    }
    throw new AssertionError("no INT96 timestamp column found in alltypes_plain.parquet");
  }
}
