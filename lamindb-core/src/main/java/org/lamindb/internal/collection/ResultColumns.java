package org.lamindb.internal.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * DuckDB result types → Tablesaw columns: BOOLEAN → boolean; 8/16/32-bit integers → int; BIGINT,
 * UINTEGER, UBIGINT and HUGEINT (sums) → long (DuckDB fails on a value that does not fit); FLOAT →
 * float; DOUBLE and DECIMAL → double; VARCHAR → string; DATE → date; TIMESTAMP → date-time (UTC);
 * TIMESTAMP WITH TIME ZONE → instant; nested types → JSON text; anything else its DuckDB text.
 */
final class ResultColumns {
  private ResultColumns() {}

  enum Kind {
    BOOLEAN,
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    STRING,
    DATE,
    TIMESTAMP,
    INSTANT
  }

  /**
   * @param name unique column name
   * @param type DuckDB type
   * @param kind Tablesaw column kind
   * @param projection SQL fetching the value from the wrapped query
   */
  record Spec(String name, String type, Kind kind, String projection) {}

  /** Receives one column's values row by row. */
  interface Sink {
    void add(ResultSet rs, int index) throws SQLException;

    Column<?> finish();
  }

  static Spec spec(String name, int position, String type) {
    String c = "#" + position;
    String t = type.toUpperCase(Locale.ROOT);
    if (t.endsWith("]") || t.startsWith("STRUCT") || t.startsWith("MAP") || t.startsWith("UNION")) {
      return new Spec(name, type, Kind.STRING, "CAST(to_json(" + c + ") AS VARCHAR)");
    }
    if (t.startsWith("DECIMAL")) {
      return new Spec(name, type, Kind.DOUBLE, "CAST(" + c + " AS DOUBLE)");
    }
    return switch (t) {
      case "BOOLEAN" -> new Spec(name, type, Kind.BOOLEAN, c);
      case "TINYINT", "SMALLINT", "UTINYINT", "USMALLINT", "INTEGER" ->
          new Spec(name, type, Kind.INT, "CAST(" + c + " AS INTEGER)");
      case "BIGINT", "UINTEGER", "UBIGINT", "HUGEINT", "UHUGEINT" ->
          new Spec(name, type, Kind.LONG, "CAST(" + c + " AS BIGINT)");
      case "FLOAT" -> new Spec(name, type, Kind.FLOAT, c);
      case "DOUBLE" -> new Spec(name, type, Kind.DOUBLE, c);
      case "VARCHAR" -> new Spec(name, type, Kind.STRING, c);
      case "DATE" -> new Spec(name, type, Kind.DATE, "CAST(" + c + " AS VARCHAR)");
      case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" ->
          new Spec(name, type, Kind.TIMESTAMP, "epoch_us(CAST(" + c + " AS TIMESTAMP))");
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" ->
          new Spec(name, type, Kind.INSTANT, "epoch_us(CAST(" + c + " AS TIMESTAMPTZ))");
      default -> new Spec(name, type, Kind.STRING, "CAST(" + c + " AS VARCHAR)");
    };
  }

  static Sink sink(Spec s) {
    String n = s.name();
    return switch (s.kind()) {
      case BOOLEAN -> {
        BooleanColumn col = BooleanColumn.create(n);
        yield sink(
            col,
            (rs, i) -> {
              boolean v = rs.getBoolean(i);
              if (rs.wasNull()) {
                col.appendMissing();
              } else {
                col.append(v);
              }
            });
      }
      case INT -> {
        IntColumn col = IntColumn.create(n);
        yield sink(
            col,
            (rs, i) -> {
              int v = rs.getInt(i);
              if (rs.wasNull()) {
                col.appendMissing();
              } else {
                col.append(v);
              }
            });
      }
      case LONG -> {
        LongColumn col = LongColumn.create(n);
        yield sink(
            col,
            (rs, i) -> {
              long v = rs.getLong(i);
              if (rs.wasNull()) {
                col.appendMissing();
              } else {
                col.append(v);
              }
            });
      }
      case FLOAT -> {
        FloatColumn col = FloatColumn.create(n);
        yield sink(
            col,
            (rs, i) -> {
              float v = rs.getFloat(i);
              if (rs.wasNull()) {
                col.appendMissing();
              } else {
                col.append(v);
              }
            });
      }
      case DOUBLE -> {
        DoubleColumn col = DoubleColumn.create(n);
        yield sink(
            col,
            (rs, i) -> {
              double v = rs.getDouble(i);
              if (rs.wasNull()) {
                col.appendMissing();
              } else {
                col.append(v);
              }
            });
      }
      case STRING -> {
        StringColumn col = StringColumn.create(n);
        yield sink(
            col,
            (rs, i) -> {
              String v = rs.getString(i);
              if (v == null) {
                col.appendMissing();
              } else {
                col.append(v);
              }
            });
      }
      case DATE -> {
        DateColumn col = DateColumn.create(n);
        yield sink(
            col,
            (rs, i) -> {
              String v = rs.getString(i);
              if (v == null) {
                col.appendMissing();
              } else {
                col.append(LocalDate.parse(v));
              }
            });
      }
      case TIMESTAMP -> {
        DateTimeColumn col = DateTimeColumn.create(n);
        yield sink(
            col,
            (rs, i) -> {
              long v = rs.getLong(i);
              if (rs.wasNull()) {
                col.appendMissing();
              } else {
                col.append(LocalDateTime.ofInstant(micros(v), ZoneOffset.UTC));
              }
            });
      }
      case INSTANT -> {
        InstantColumn col = InstantColumn.create(n);
        yield sink(
            col,
            (rs, i) -> {
              long v = rs.getLong(i);
              if (rs.wasNull()) {
                col.appendMissing();
              } else {
                col.append(micros(v));
              }
            });
      }
    };
  }

  private static Instant micros(long us) {
    return Instant.ofEpochSecond(
        Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000);
  }

  @FunctionalInterface
  private interface Adder {
    void add(ResultSet rs, int index) throws SQLException;
  }

  private static Sink sink(Column<?> col, Adder adder) {
    return new Sink() {
      @Override
      public void add(ResultSet rs, int index) throws SQLException {
        adder.add(rs, index);
      }

      @Override
      public Column<?> finish() {
        return col;
      }
    };
  }
}
