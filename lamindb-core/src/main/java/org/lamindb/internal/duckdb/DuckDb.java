package org.lamindb.internal.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Short-lived in-process DuckDB connections (one per format operation or query) for the format
 * readers and the table engine, and SQL quoting helpers. A leaf package: it imports only the JDK.
 */
public final class DuckDb {
  private DuckDb() {}

  /**
   * Opens an in-memory DuckDB database. Extension auto-install is off: nothing is downloaded at run
   * time, and only the extensions built into the JDBC jar (parquet, json, icu) are used.
   */
  public static Connection open() throws SQLException {
    return open(false);
  }

  /**
   * Like {@link #open()}.
   *
   * @param stream true to stream results while the caller reads them
   */
  public static Connection open(boolean stream) throws SQLException {
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
      // TIMESTAMPTZ values are read as epoch numbers; UTC keeps any text rendering unambiguous too
      st.execute("SET TimeZone = 'UTC'");
    } catch (SQLException e) {
      conn.close();
      throw e;
    }
    return conn;
  }

  /** Quotes an SQL identifier. */
  public static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** Quotes an SQL string literal (for statements that take no bind parameters, such as COPY). */
  public static String literal(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("NUL character in SQL literal");
    }
    return '\'' + value.replace("'", "''") + '\'';
  }

  /** DuckDB's error text without the SQL echo it appends. */
  public static String message(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int cut = m.indexOf("\nLINE ");
    if (cut < 0) {
      cut = m.indexOf("\n\nLINE ");
    }
    return (cut > 0 ? m.substring(0, cut) : m).strip();
  }
}
