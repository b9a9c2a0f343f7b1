package org.lamindb.spark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Writes test Parquet files and computes reference answers with DuckDB (independent of Spark). */
final class Parquets {
  private Parquets() {}

  /** Writes the result of {@code select} to {@code file} as Parquet. */
  static Path write(Path file, String select) {
    exec("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
    return file;
  }

  static void exec(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return the first row of {@code sql} over {@code read_parquet([files])}, as numbers
   */
  static List<Object> query(String sql, List<Path> files) {
    StringBuilder list = new StringBuilder("[");
    for (Path f : files) {
      list.append(list.length() > 1 ? "," : "").append('\'').append(f).append('\'');
    }
    list.append(']');
    String q = sql.replace("$files", "read_parquet(" + list + ", union_by_name=true)");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(q)) {
      rs.next();
      List<Object> out = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        out.add(rs.getObject(i));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(q + ": " + e.getMessage(), e);
    }
  }
}
