package org.lamindb.internal.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/** Builds Tablesaw columns from JDBC result sets, one typed sink per column. */
final class TableColumns {
  private TableColumns() {}

  /** The Tablesaw column a DuckDB value goes to. */
  enum Kind {
    BOOLEAN,
    SHORT,
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    STRING,
    BLOB,
    DATE,
    TIME,
    TIMESTAMP,
    INSTANT,
    /** TIMESTAMP fetched as epoch nanoseconds. */
    TIMESTAMP_NS,
    /** TIMESTAMP WITH TIME ZONE fetched as epoch nanoseconds. */
    INSTANT_NS
  }

  /** Receives the values of one result-set column, row by row. */
  interface Sink {
    /** Appends the value of column {@code index} of the current row. */
    void add(ResultSet rs, int index) throws SQLException;

    /**
     * @return the finished column
     */
    Column<?> finish();
  }

  static Sink sink(Kind kind, String name) {
    return switch (kind) {
      case BOOLEAN ->
          new Sink() {
            final BooleanColumn c = BooleanColumn.create(name);

            @Override
            public void add(ResultSet rs, int i) throws SQLException {
              boolean v = rs.getBoolean(i);
              if (rs.wasNull()) {
                c.appendMissing();
              } else {
                c.append(v);
              }
            }

            @Override
            public Column<?> finish() {
              return c;
            }
          };
      case SHORT -> new IntegerSink(name, 0);
      case INT -> new IntegerSink(name, 1);
      case LONG -> new IntegerSink(name, 2);
      case FLOAT ->
          new Sink() {
            final FloatColumn c = FloatColumn.create(name);

            @Override
            public void add(ResultSet rs, int i) throws SQLException {
              float v = rs.getFloat(i);
              if (rs.wasNull()) {
                c.appendMissing();
              } else {
                c.append(v);
              }
            }

            @Override
            public Column<?> finish() {
              return c;
            }
          };
      case DOUBLE ->
          new Sink() {
            final DoubleColumn c = DoubleColumn.create(name);

            @Override
            public void add(ResultSet rs, int i) throws SQLException {
              double v = rs.getDouble(i);
              if (rs.wasNull()) {
                c.appendMissing();
              } else {
                c.append(v);
              }
            }

            @Override
            public Column<?> finish() {
              return c;
            }
          };
      case STRING ->
          new Sink() {
            final StringColumn c = StringColumn.create(name);

            @Override
            public void add(ResultSet rs, int i) throws SQLException {
              String v = rs.getString(i);
              if (v == null) {
                c.appendMissing();
              } else {
                c.append(v);
              }
            }

            @Override
            public Column<?> finish() {
              return c;
            }
          };
      case BLOB -> new BlobSink(name);
      case DATE ->
          new Sink() {
            final DateColumn c = DateColumn.create(name);

            @Override
            public void add(ResultSet rs, int i) throws SQLException {
              c.append(rs.getObject(i, LocalDate.class));
            }

            @Override
            public Column<?> finish() {
              return c;
            }
          };
      case TIME ->
          new Sink() {
            final TimeColumn c = TimeColumn.create(name);

            @Override
            public void add(ResultSet rs, int i) throws SQLException {
              c.append(rs.getObject(i, LocalTime.class));
            }

            @Override
            public Column<?> finish() {
              return c;
            }
          };
      case TIMESTAMP -> new TimestampSink(name, 1_000L, false);
      case INSTANT -> new TimestampSink(name, 1_000L, true);
      case TIMESTAMP_NS -> new TimestampSink(name, 1_000_000L, false);
      case INSTANT_NS -> new TimestampSink(name, 1_000_000L, true);
    };
  }

  /**
   * Timestamps fetched as epoch microseconds or nanoseconds (UTC). Tablesaw's date-time and instant
   * columns hold milliseconds, so when every value is a whole millisecond the column becomes one of
   * those; otherwise, to keep full precision, a long column of the epoch values in the file's unit
   * (microseconds, or nanoseconds for {@code TIMESTAMP_NS}).
   */
  private static final class TimestampSink implements Sink {
    private final String name;
    private final long perMilli;
    private final boolean instant;
    private final LongColumn values;
    private boolean wholeMillis = true;

    TimestampSink(String name, long perMilli, boolean instant) {
      this.name = name;
      this.perMilli = perMilli;
      this.instant = instant;
      this.values = LongColumn.create(name);
    }

    @Override
    public void add(ResultSet rs, int i) throws SQLException {
      long v = rs.getLong(i);
      if (rs.wasNull()) {
        values.appendMissing();
      } else {
        wholeMillis &= v % perMilli == 0;
        values.append(v);
      }
    }

    @Override
    public Column<?> finish() {
      if (!wholeMillis) {
        return values;
      }
      if (instant) {
        InstantColumn c = InstantColumn.create(name);
        for (int r = 0; r < values.size(); r++) {
          if (values.isMissing(r)) {
            c.appendMissing();
          } else {
            c.append(Instant.ofEpochMilli(values.getLong(r) / perMilli));
          }
        }
        return c;
      }
      DateTimeColumn c = DateTimeColumn.create(name);
      for (int r = 0; r < values.size(); r++) {
        if (values.isMissing(r)) {
          c.appendMissing();
        } else {
          long ms = values.getLong(r) / perMilli;
          c.append(
              LocalDateTime.ofEpochSecond(
                  Math.floorDiv(ms, 1000L),
                  (int) Math.floorMod(ms, 1000L) * 1_000_000,
                  ZoneOffset.UTC));
        }
      }
      return c;
    }
  }

  /**
   * Integers into Tablesaw's short, int or long column. Tablesaw marks missing values with the
   * type's minimum ({@code Short.MIN_VALUE}, ...), so a real minimum value would silently turn into
   * a missing one: the sink then widens the column (short → int → long), and a {@code
   * Long.MIN_VALUE} turns a long column into exact text.
   */
  private static final class IntegerSink implements Sink {
    private final String name;
    private int level;
    private ShortColumn shorts;
    private IntColumn ints;
    private LongColumn longs;
    private StringColumn texts;

    IntegerSink(String name, int level) {
      this.name = name;
      this.level = level;
      switch (level) {
        case 0 -> shorts = ShortColumn.create(name);
        case 1 -> ints = IntColumn.create(name);
        default -> longs = LongColumn.create(name);
      }
    }

    @Override
    public void add(ResultSet rs, int i) throws SQLException {
      long v = rs.getLong(i);
      if (rs.wasNull()) {
        switch (level) {
          case 0 -> shorts.appendMissing();
          case 1 -> ints.appendMissing();
          case 2 -> longs.appendMissing();
          default -> texts.appendMissing();
        }
        return;
      }
      if (level == 0 && (v <= Short.MIN_VALUE || v > Short.MAX_VALUE)) {
        ints = IntColumn.create(name);
        for (int r = 0; r < shorts.size(); r++) {
          if (shorts.isMissing(r)) {
            ints.appendMissing();
          } else {
            ints.append(shorts.getShort(r));
          }
        }
        shorts = null;
        level = 1;
      }
      if (level == 1 && (v <= Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
        longs = LongColumn.create(name);
        for (int r = 0; r < ints.size(); r++) {
          if (ints.isMissing(r)) {
            longs.appendMissing();
          } else {
            longs.append(ints.getInt(r));
          }
        }
        ints = null;
        level = 2;
      }
      if (level == 2 && v == Long.MIN_VALUE) {
        texts = StringColumn.create(name);
        for (int r = 0; r < longs.size(); r++) {
          if (longs.isMissing(r)) {
            texts.appendMissing();
          } else {
            texts.append(Long.toString(longs.getLong(r)));
          }
        }
        longs = null;
        level = 3;
      }
      switch (level) {
        case 0 -> shorts.append((short) v);
        case 1 -> ints.append((int) v);
        case 2 -> longs.append(v);
        default -> texts.append(Long.toString(v));
      }
    }

    @Override
    public Column<?> finish() {
      return switch (level) {
        case 0 -> shorts;
        case 1 -> ints;
        case 2 -> longs;
        default -> texts;
      };
    }
  }

  /**
   * Collects binary values; the column becomes text if every value is UTF-8 without control
   * characters (Impala and old Hive write strings as plain BINARY), else lowercase hex.
   */
  private static final class BlobSink implements Sink {
    private final String name;
    private final List<byte[]> values = new ArrayList<>();
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private boolean allText = true;

    BlobSink(String name) {
      this.name = name;
    }

    @Override
    public void add(ResultSet rs, int i) throws SQLException {
      byte[] v = rs.getBytes(i);
      if (v != null && allText) {
        allText = isText(v);
      }
      values.add(v);
    }

    /** Valid UTF-8 without control characters other than tab, newline and carriage return. */
    private boolean isText(byte[] v) {
      for (byte b : v) {
        if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f) {
          return false;
        }
      }
      try {
        decoder.reset().decode(ByteBuffer.wrap(v));
        return true;
      } catch (CharacterCodingException e) {
        return false;
      }
    }

    @Override
    public Column<?> finish() {
      StringColumn c = StringColumn.create(name);
      HexFormat hex = HexFormat.of();
      for (byte[] v : values) {
        if (v == null) {
          c.appendMissing();
        } else {
          c.append(allText ? new String(v, StandardCharsets.UTF_8) : hex.formatHex(v));
        }
      }
      values.clear();
      return c;
    }
  }
}
