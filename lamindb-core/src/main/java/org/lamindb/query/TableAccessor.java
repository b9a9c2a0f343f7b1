package org.lamindb.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.lamindb.InvalidArgumentException;
import tech.tablesaw.api.Table;

/**
 * A streaming accessor over tabular artifacts, as LaminDB's {@code artifact.open()}: the schema and
 * the row count come from file metadata, projections and filters are pushed into the engine, and
 * rows arrive in batches; nothing is loaded until asked for. {@code collection.open()} and {@code
 * ln.artifacts().filter(..).open()} give one accessor over all member tables with a virtual column
 * {@code artifact_uid}; {@link #sql(String)} runs SQL over the view {@code data} (embedded DuckDB,
 * over exactly the member files).
 *
 * <pre>{@code
 * try (TableAccessor t = collection.open()) {
 *   t.schema();                                            // union of the members' columns
 *   Table perGroup = t.sql("SELECT g, count(*) FROM data GROUP BY g");
 *   try (TableCursor c = t.select("x", "g").filter("x > 0.5").batches(10_000)) {
 *     while (c.hasNext()) { Table batch = c.next(); }
 *   }
 *   t.filterArtifacts("tissue", "lung").toTable();         // pruned in the registry first
 * }
 * }</pre>
 *
 * Accessors made by {@link #select}, {@link #filter} share the engine of the accessor they come
 * from; {@link #filterArtifacts} makes a new one. Close what you opened.
 */
public final class TableAccessor implements AutoCloseable {
  /** Rows per batch when none is given. */
  public static final int DEFAULT_BATCH_ROWS = 65_536;

  /**
   * A column of the table.
   *
   * @param name column name
   * @param type engine type, e.g. {@code BIGINT}, {@code DOUBLE}, {@code VARCHAR}
   */
  public record Column(String name, String type) {}

  private final TableSource source;
  private final boolean ownsSource;
  private final List<String> projection;
  private final List<String> filters;

  /**
   * Wraps a source; used by core when opening artifacts and collections.
   *
   * @param source the files behind the table
   */
  public TableAccessor(TableSource source) {
    this(source, true, List.of(), List.of());
  }

  private TableAccessor(
      TableSource source, boolean ownsSource, List<String> projection, List<String> filters) {
    this.source = source;
    this.ownsSource = ownsSource;
    this.projection = List.copyOf(projection);
    this.filters = List.copyOf(filters);
  }

  /**
   * @return the columns (after {@link #select}), with engine types
   */
  public List<Column> schema() {
    List<Column> all = source.schema();
    if (projection.isEmpty()) {
      return all;
    }
    List<Column> out = new ArrayList<>();
    for (String p : projection) {
      all.stream().filter(c -> c.name().equals(p)).findFirst().ifPresent(out::add);
    }
    return out;
  }

  /**
   * @return the column names (after {@link #select})
   */
  public List<String> columns() {
    return schema().stream().map(Column::name).collect(Collectors.toList());
  }

  /**
   * @return the number of rows: from file metadata without a scan when no {@link #filter} is set,
   *     else counted by the engine
   */
  public long rowCount() {
    if (filters.isEmpty()) {
      return source.rowCount();
    }
    Table t = source.query("SELECT count(*) AS n FROM data" + where());
    return ((Number) t.column(0).get(0)).longValue();
  }

  /**
   * Keeps only these columns (projection pushed into the file reader).
   *
   * @param columns column names of {@link #schema()}
   * @return a narrower accessor sharing this one's engine
   */
  public TableAccessor select(String... columns) {
    if (columns.length == 0) {
      throw new InvalidArgumentException("select() needs at least one column name");
    }
    List<String> names = source.schema().stream().map(Column::name).toList();
    for (String c : columns) {
      if (!names.contains(c)) {
        throw new InvalidArgumentException(
            "unknown column '" + c + "'" + nearest(c, names) + "; the columns are " + names);
      }
    }
    return new TableAccessor(source, false, List.of(columns), filters);
  }

  /**
   * Keeps only rows matching a SQL predicate over the columns, e.g. {@code "x > 0.5 AND g = 'a'"}
   * (pushed into the scan, so row groups whose statistics exclude it are skipped).
   *
   * @param predicate a boolean SQL expression
   * @return a filtered accessor sharing this one's engine
   */
  public TableAccessor filter(String predicate) {
    if (predicate == null || predicate.isBlank()) {
      throw new InvalidArgumentException("filter() needs a predicate such as \"x > 0.5\"");
    }
    List<String> f = new ArrayList<>(filters);
    f.add(predicate);
    return new TableAccessor(source, false, projection, f);
  }

  /**
   * Applies an artifact-level predicate in the registry before any file is opened: a feature
   * ({@code "tissue"}), a label ({@code "ulabels__name"}), {@code "schema"}, {@code
   * "key__startswith"}, {@code "size__gt"}, {@code "created_at__gte"}, ... — any artifact lookup.
   *
   * @param lookup an artifact query lookup
   * @param value its value
   * @return an accessor over the artifacts that remain (a new engine: close it)
   */
  public TableAccessor filterArtifacts(String lookup, Object value) {
    return new TableAccessor(source.filterArtifacts(lookup, value), true, projection, filters);
  }

  /**
   * @return all rows (after {@link #select} and {@link #filter}) as one table
   */
  public Table toTable() {
    return source.query(selectSql());
  }

  /**
   * @param batchRows rows per batch (at most)
   * @return a streaming cursor over the rows (after {@link #select} and {@link #filter})
   */
  public TableCursor batches(int batchRows) {
    return source.stream(selectSql(), requirePositive(batchRows));
  }

  /**
   * @return {@link #batches(int)} with {@link #DEFAULT_BATCH_ROWS} rows per batch
   */
  public TableCursor batches() {
    return batches(DEFAULT_BATCH_ROWS);
  }

  /**
   * Runs SQL over the view {@code data} (all rows of the files; {@link #select} and {@link #filter}
   * do not apply), e.g. {@code "SELECT g, count(*), avg(x) FROM data GROUP BY g"}.
   *
   * @param sql one SELECT statement
   * @return the result
   */
  public Table sql(String sql) {
    return source.query(requireSql(sql));
  }

  /**
   * @param sql one SELECT statement over {@code data}
   * @return its result as a streaming cursor of {@link #DEFAULT_BATCH_ROWS}-row batches
   */
  public TableCursor sqlStream(String sql) {
    return sqlStream(sql, DEFAULT_BATCH_ROWS);
  }

  /**
   * @param sql one SELECT statement over {@code data}
   * @param batchRows rows per batch (at most)
   * @return its result as a streaming cursor
   */
  public TableCursor sqlStream(String sql, int batchRows) {
    return source.stream(requireSql(sql), requirePositive(batchRows));
  }

  /**
   * @return how a scan of this accessor runs: artifacts selected and pruned in the registry, files
   *     read, the SQL and the engine's plan
   */
  public String explain() {
    return source.explain(selectSql());
  }

  /**
   * @param sql a query over {@code data}
   * @return how {@code sql} runs (see {@link #explain()})
   */
  public String explain(String sql) {
    return source.explain(requireSql(sql));
  }

  /** Closes the engine when this accessor opened it. */
  @Override
  public void close() {
    if (ownsSource) {
      source.close();
    }
  }

  @Override
  public String toString() {
    return "TableAccessor" + columns();
  }

  private String selectSql() {
    String cols =
        projection.isEmpty()
            ? "*"
            : projection.stream().map(TableAccessor::ident).collect(Collectors.joining(", "));
    return "SELECT " + cols + " FROM data" + where();
  }

  private String where() {
    if (filters.isEmpty()) {
      return "";
    }
    return " WHERE "
        + filters.stream().map(f -> "(" + f + ")").collect(Collectors.joining(" AND "));
  }

  private static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String requireSql(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new InvalidArgumentException(
          "sql() needs a query over 'data', e.g. \"SELECT count(*) FROM data\"");
    }
    return sql;
  }

  private static int requirePositive(int n) {
    if (n <= 0) {
      throw new InvalidArgumentException("batch size must be positive, got " + n);
    }
    return n;
  }

  private static String nearest(String name, List<String> names) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String n : names) {
      if (n.toLowerCase(Locale.ROOT).equals(lower)
          || n.toLowerCase(Locale.ROOT).startsWith(lower)
          || lower.startsWith(n.toLowerCase(Locale.ROOT))) {
        return "; did you mean '" + n + "'?";
      }
    }
    return "";
  }
}
