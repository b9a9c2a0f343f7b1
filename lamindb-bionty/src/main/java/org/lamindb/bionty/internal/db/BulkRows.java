package org.lamindb.bionty.internal.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.lamindb.spi.Dialect;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Appends many rows to one table inside the caller's transaction: on PostgreSQL with {@code COPY
 * ... FROM STDIN} (CSV, sent in chunks), which spares the server a statement per row; on SQLite
 * with a batched prepared insert, which is already the fastest path there.
 */
abstract class BulkRows implements AutoCloseable {
  private static final int SQLITE_BATCH = 2000;
  private static final int COPY_CHUNK_CHARS = 1 << 20;

  /**
   * @param c a connection in a transaction
   * @param dialect the backend
   * @param table the table
   * @param columns the columns every row gives values for, in order
   * @return a sink for rows of that table
   */
  static BulkRows open(Connection c, Dialect dialect, String table, List<String> columns)
      throws SQLException {
    return dialect == Dialect.POSTGRES ? new Copy(c, table, columns) : new Batch(c, table, columns);
  }

  /** Adds one row; values are Strings, Numbers, Booleans, OffsetDateTimes (PostgreSQL) or null. */
  abstract void add(Object... values) throws SQLException;

  /** Writes the rows added so far. */
  abstract void flush() throws SQLException;

  @Override
  public abstract void close() throws SQLException;

  /** SQLite (and any other JDBC backend): a batched prepared insert. */
  private static final class Batch extends BulkRows {
    private final PreparedStatement ps;
    private int pending;

    Batch(Connection c, String table, List<String> columns) throws SQLException {
      String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
      ps =
          c.prepareStatement(
              "INSERT INTO "
                  + table
                  + " ("
                  + String.join(", ", columns)
                  + ") VALUES ("
                  + marks
                  + ")");
    }

    @Override
    void add(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          ps.setNull(i + 1, Types.NULL);
        } else {
          ps.setObject(i + 1, values[i]);
        }
      }
      ps.addBatch();
      if (++pending >= SQLITE_BATCH) {
        flush();
      }
    }

    @Override
    void flush() throws SQLException {
      if (pending > 0) {
        ps.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      ps.close();
    }
  }

  /** PostgreSQL: rows rendered as CSV and streamed with COPY in chunks of about 1 MiB. */
  private static final class Copy extends BulkRows {
    private final CopyManager copy;
    private final String sql;
    private final StringBuilder buf = new StringBuilder(COPY_CHUNK_CHARS + 4096);

    Copy(Connection c, String table, List<String> columns) throws SQLException {
      this.copy = c.unwrap(PGConnection.class).getCopyAPI();
      this.sql =
          "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
    }

    @Override
    void add(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          buf.append(',');
        }
        Object v = values[i];
        if (v == null) {
          continue; // an unquoted empty field is NULL in CSV COPY
        }
        if (v instanceof Number || v instanceof Boolean) {
          buf.append(v);
        } else {
          String s = v.toString();
          buf.append('"');
          for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch == '"') {
              buf.append('"');
            }
            buf.append(ch);
          }
          buf.append('"');
        }
      }
      buf.append('\n');
      if (buf.length() >= COPY_CHUNK_CHARS) {
        flush();
      }
    }

    @Override
    void flush() throws SQLException {
      if (buf.length() == 0) {
        return;
      }
      try {
        copy.copyIn(sql, new StringReader(buf.toString()));
      } catch (IOException e) {
        throw new SQLException("COPY failed: " + e.getMessage(), e);
      }
      buf.setLength(0);
    }

    @Override
    public void close() {
      buf.setLength(0);
    }
  }
}
