package org.lamindb.internal.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.lamindb.internal.duckdb.DuckDb;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * Writes Tablesaw tables as Parquet (zstd) through DuckDB: rows stream into an in-memory DuckDB
 * table through the appender API, then {@code COPY ... TO} writes the file. Column types map back
 * as the reader maps them.
 */
final class ParquetTableWriter {
  private ParquetTableWriter() {}

  /** Writes one value of one column for row {@code row}. */
  private interface ValueWriter {
    void write(DuckDBAppender a, int row) throws SQLException;
  }

  static void write(Table table, Path target) {
    Path abs = target.toAbsolutePath();
    List<ValueWriter> writers = new ArrayList<>();
    StringBuilder ddl = new StringBuilder("CREATE TABLE t (");
    for (int i = 0; i < table.columnCount(); i++) {
      Column<?> c = table.column(i);
      ddl.append(i == 0 ? "" : ", ").append(DuckDb.ident(c.name())).append(' ').append(sqlType(c));
      writers.add(writer(c));
    }
    ddl.append(')');
    boolean done = false;
    try (Connection conn = DuckDb.open()) {
      try (Statement st = conn.createStatement()) {
        st.execute(ddl.toString());
      }
      int rows = table.rowCount();
      int cols = writers.size();
      try (DuckDBAppender app = conn.unwrap(DuckDBConnection.class).createAppender("main", "t")) {
        for (int r = 0; r < rows; r++) {
          app.beginRow();
          for (int c = 0; c < cols; c++) {
            writers.get(c).write(app, r);
          }
          app.endRow();
        }
      }
      try (Statement st = conn.createStatement()) {
        st.execute(
            "COPY t TO " + DuckDb.literal(abs.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
      }
      done = true;
    } catch (SQLException e) {
      throw new org.lamindb.StorageException(
          "Could not write the table '"
              + table.name()
              + "' as Parquet to "
              + abs
              + ": "
              + DuckDb.message(e),
          e);
    } finally {
      if (!done) {
        try {
          Files.deleteIfExists(abs);
        } catch (IOException ignored) {
          // the original error is more useful than a failed clean-up
        }
      }
    }
  }

  private static String sqlType(Column<?> c) {
    ColumnType t = c.type();
    if (t == ColumnType.BOOLEAN) {
      return "BOOLEAN";
    } else if (t == ColumnType.SHORT) {
      return "SMALLINT";
    } else if (t == ColumnType.INTEGER) {
      return "INTEGER";
    } else if (t == ColumnType.LONG) {
      return "BIGINT";
    } else if (t == ColumnType.FLOAT) {
      return "FLOAT";
    } else if (t == ColumnType.DOUBLE) {
      return "DOUBLE";
    } else if (t == ColumnType.LOCAL_DATE) {
      return "DATE";
    } else if (t == ColumnType.LOCAL_TIME) {
      return "TIME";
    } else if (t == ColumnType.LOCAL_DATE_TIME) {
      return "TIMESTAMP";
    } else if (t == ColumnType.INSTANT) {
      return "TIMESTAMPTZ";
    }
    return "VARCHAR";
  }

  private static ValueWriter writer(Column<?> col) {
    ColumnType t = col.type();
    if (t == ColumnType.BOOLEAN) {
      BooleanColumn c = (BooleanColumn) col;
      return (a, r) -> {
        if (c.isMissing(r)) {
          a.appendNull();
        } else {
          a.append(c.get(r).booleanValue());
        }
      };
    } else if (t == ColumnType.SHORT) {
      ShortColumn c = (ShortColumn) col;
      return (a, r) -> {
        if (c.isMissing(r)) {
          a.appendNull();
        } else {
          a.append(c.getShort(r));
        }
      };
    } else if (t == ColumnType.INTEGER) {
      IntColumn c = (IntColumn) col;
      return (a, r) -> {
        if (c.isMissing(r)) {
          a.appendNull();
        } else {
          a.append(c.getInt(r));
        }
      };
    } else if (t == ColumnType.LONG) {
      LongColumn c = (LongColumn) col;
      return (a, r) -> {
        if (c.isMissing(r)) {
          a.appendNull();
        } else {
          a.append(c.getLong(r));
        }
      };
    } else if (t == ColumnType.FLOAT) {
      FloatColumn c = (FloatColumn) col;
      return (a, r) -> {
        if (c.isMissing(r)) {
          a.appendNull();
        } else {
          a.append(c.getFloat(r));
        }
      };
    } else if (t == ColumnType.DOUBLE) {
      DoubleColumn c = (DoubleColumn) col;
      return (a, r) -> {
        if (c.isMissing(r)) {
          a.appendNull();
        } else {
          a.append(c.getDouble(r));
        }
      };
    } else if (t == ColumnType.LOCAL_DATE) {
      DateColumn c = (DateColumn) col;
      return (a, r) -> {
        if (c.isMissing(r)) {
          a.appendNull();
        } else {
          a.append(c.get(r));
        }
      };
    } else if (t == ColumnType.LOCAL_TIME) {
      TimeColumn c = (TimeColumn) col;
      return (a, r) -> {
        if (c.isMissing(r)) {
          a.appendNull();
        } else {
          a.append(c.get(r));
        }
      };
    } else if (t == ColumnType.LOCAL_DATE_TIME) {
      DateTimeColumn c = (DateTimeColumn) col;
      return (a, r) -> {
        if (c.isMissing(r)) {
          a.appendNull();
        } else {
          a.append(c.get(r));
        }
      };
    } else if (t == ColumnType.INSTANT) {
      InstantColumn c = (InstantColumn) col;
      return (a, r) -> {
        if (c.isMissing(r)) {
          a.appendNull();
        } else {
          java.time.Instant v = c.get(r);
          a.append(v.atOffset(java.time.ZoneOffset.UTC));
        }
      };
    }
    return (a, r) -> {
      if (col.isMissing(r)) {
        a.appendNull();
      } else {
        a.append(col.getString(r));
      }
    };
  }
}
