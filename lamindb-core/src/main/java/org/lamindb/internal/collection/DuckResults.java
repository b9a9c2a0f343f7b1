package org.lamindb.internal.collection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminException;
import org.lamindb.internal.duckdb.DuckDb;
import org.lamindb.query.TableAccessor.Column;
import org.lamindb.query.TableCursor;
import tech.tablesaw.api.Table;

/**
 * Query results of a {@link DuckTableSource} as Tablesaw tables: the result's types come from
 * {@code DESCRIBE}, each column is fetched by position (so duplicate names are fine) with the
 * projection {@link ResultColumns} chooses for its type into a typed Tablesaw column.
 */
final class DuckResults {
  private DuckResults() {}

  /** The query's columns with the fetch plan. */
  private record Plan(List<ResultColumns.Spec> specs, List<Column> columns, String sql) {}

  static Table table(Connection conn, String sql) throws SQLException {
    Plan plan = plan(conn, sql);
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(plan.sql())) {
      List<ResultColumns.Sink> sinks = sinks(plan);
      int n = sinks.size();
      while (rs.next()) {
        for (int i = 0; i < n; i++) {
          sinks.get(i).add(rs, i + 1);
        }
      }
      return finish(sinks);
    }
  }

  static TableCursor cursor(Connection conn, String sql, int batchRows) throws SQLException {
    Plan plan = plan(conn, sql);
    Statement st = conn.createStatement();
    ResultSet rs;
    try {
      rs = st.executeQuery(plan.sql());
    } catch (SQLException e) {
      st.close();
      throw e;
    }
    return new Cursor(conn, st, rs, plan, batchRows, sql);
  }

  static LaminException failure(String sql, SQLException e) {
    return new InvalidArgumentException(
        "the query over 'data' failed: " + DuckDb.message(e) + " (query: " + sql + ")", e);
  }

  private static Plan plan(Connection conn, String sql) throws SQLException {
    List<ResultColumns.Spec> specs = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (PreparedStatement ps = conn.prepareStatement("DESCRIBE " + sql);
        ResultSet rs = ps.executeQuery()) {
      int i = 0;
      while (rs.next()) {
        i++;
        String name = rs.getString(1);
        String type = rs.getString(2);
        String unique = name;
        for (int k = 1; !seen.add(unique.toLowerCase(Locale.ROOT)); k++) {
          unique = name + "." + k;
        }
        specs.add(ResultColumns.spec(unique, i, type));
        columns.add(new Column(unique, type));
      }
    }
    StringBuilder sb = new StringBuilder("SELECT ");
    for (int i = 0; i < specs.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(specs.get(i).projection());
    }
    sb.append(" FROM (").append(sql).append(") AS __lamin_q");
    return new Plan(specs, columns, sb.toString());
  }

  private static List<ResultColumns.Sink> sinks(Plan plan) {
    List<ResultColumns.Sink> sinks = new ArrayList<>();
    for (ResultColumns.Spec s : plan.specs()) {
      sinks.add(ResultColumns.sink(s));
    }
    return sinks;
  }

  private static Table finish(List<ResultColumns.Sink> sinks) {
    List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>(sinks.size());
    for (ResultColumns.Sink s : sinks) {
      cols.add(s.finish());
    }
    return Table.create("data", cols);
  }

  /** Batches read from a streaming result set; the connection closes at the end or on close(). */
  private static final class Cursor implements TableCursor {
    private final Connection conn;
    private final Statement st;
    private final ResultSet rs;
    private final Plan plan;
    private final int batchRows;
    private final String sql;
    private Boolean hasRow;
    private boolean closed;

    Cursor(Connection conn, Statement st, ResultSet rs, Plan plan, int batchRows, String sql) {
      this.conn = conn;
      this.st = st;
      this.rs = rs;
      this.plan = plan;
      this.batchRows = batchRows;
      this.sql = sql;
    }

    @Override
    public List<Column> columns() {
      return List.copyOf(plan.columns());
    }

    @Override
    public boolean hasNext() {
      if (closed) {
        return false;
      }
      if (hasRow == null) {
        try {
          hasRow = rs.next();
        } catch (SQLException e) {
          close();
          throw failure(sql, e);
        }
      }
      if (!hasRow) {
        close();
      }
      return hasRow;
    }

    @Override
    public Table next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more batches");
      }
      List<ResultColumns.Sink> sinks = sinks(plan);
      int n = sinks.size();
      try {
        int rows = 0;
        do {
          for (int i = 0; i < n; i++) {
            sinks.get(i).add(rs, i + 1);
          }
          rows++;
        } while (rows < batchRows && rs.next());
        hasRow = rows < batchRows ? Boolean.FALSE : null;
      } catch (SQLException e) {
        close();
        throw failure(sql, e);
      }
      return finish(sinks);
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        rs.close();
        st.close();
      } catch (SQLException ignored) {
        // closing the connection below releases everything
      } finally {
        try {
          conn.close();
        } catch (SQLException ignored) {
          // nothing left to release
        }
      }
    }
  }
}
