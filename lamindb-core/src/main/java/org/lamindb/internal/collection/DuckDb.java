package org.lamindb.internal.collection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * In-process DuckDB connections of the table engine (one per query). The format readers of {@code
 * internal.formats} have their own; this package does not import them so that it stays out of their
 * dependency graph.
 */
final class DuckDb {
  private DuckDb() {}

  static Connection open() throws SQLException {
    return open(false);
  }

  /**
   * Opens an in-memory database; nothing is downloaded (extension auto-install/load off: parquet
   * and json are built into the JDBC jar).
   *
   * @param stream true to stream results while the caller reads them
   */
  static Connection open(boolean stream) throws SQLException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new SQLException(
          "the DuckDB JDBC driver (org.duckdb:duckdb_jdbc) is not on the classpath", e);
    }
    Properties props = new Properties();
    props.setProperty("autoinstall_known_extensions", "false");
    props.setProperty("autoload_known_extensions", "false");
    if (stream) {
      props.setProperty("jdbc_stream_results", "true");
    }
    Connection conn = DriverManager.getConnection("jdbc:duckdb:", props);
    try (Statement st = conn.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
    } catch (SQLException e) {
      conn.close();
      throw e;
    }
    return conn;
  }

  /** Quotes an SQL string literal. */
  static String literal(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("NUL character in SQL literal");
    }
    return '\'' + value.replace("'", "''") + '\'';
  }

  /** DuckDB's error text without the SQL echo it appends. */
  static String message(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int cut = m.indexOf("\nLINE ");
    return (cut > 0 ? m.substring(0, cut) : m).strip();
  }
}
