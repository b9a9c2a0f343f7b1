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
    INSTANT
  }

  /** Receives the values of one result-set column, row by row. */
  interface Sink {
    /** Appends the value of column {@code index} of the current row. */
    void add(ResultSet rs, int index) throws SQLException;

    /** @return the finished column */
    Column<?> finish();
  }

  static Sink sink(Kind kind, String name) {
    return switch (kind) {
      case BOOLEAN -> new Sink() {
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
      case SHORT -> new Sink() {
        final ShortColumn c = ShortColumn.create(name);

        @Override
        public void add(ResultSet rs, int i) throws SQLException {
          short v = rs.getShort(i);
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
      case INT -> new Sink() {
        final IntColumn c = IntColumn.create(name);

        @Override
        public void add(ResultSet rs, int i) throws SQLException {
          int v = rs.getInt(i);
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
      case LONG -> new Sink() {
        final LongColumn c = LongColumn.create(name);

        @Override
        public void add(ResultSet rs, int i) throws SQLException {
          long v = rs.getLong(i);
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
      case FLOAT -> new Sink() {
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
      case DOUBLE -> new Sink() {
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
      case STRING -> new Sink() {
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
      case DATE -> new Sink() {
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
      case TIME -> new Sink() {
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
      case TIMESTAMP -> new Sink() {
        final DateTimeColumn c = DateTimeColumn.create(name);

        @Override
        public void add(ResultSet rs, int i) throws SQLException {
          long us = rs.getLong(i);
          if (rs.wasNull()) {
            c.appendMissing();
          } else {
            c.append(
                LocalDateTime.ofEpochSecond(
                    Math.floorDiv(us, 1_000_000L),
                    (int) Math.floorMod(us, 1_000_000L) * 1000,
                    ZoneOffset.UTC));
          }
        }

        @Override
        public Column<?> finish() {
          return c;
        }
      };
      case INSTANT -> new Sink() {
        final InstantColumn c = InstantColumn.create(name);

        @Override
        public void add(ResultSet rs, int i) throws SQLException {
          long us = rs.getLong(i);
          if (rs.wasNull()) {
            c.appendMissing();
          } else {
            c.append(Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000));
          }
        }

        @Override
        public Column<?> finish() {
          return c;
        }
      };
    };
  }

  /** Collects binary values; the column becomes UTF-8 text if every value decodes, else lowercase hex. */
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
        try {
          decoder.reset().decode(ByteBuffer.wrap(v));
        } catch (CharacterCodingException e) {
          allText = false;
        }
      }
      values.add(v);
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
