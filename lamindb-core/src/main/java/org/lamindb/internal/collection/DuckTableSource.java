package org.lamindb.internal.collection;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.duckdb.DuckDb;
import org.lamindb.internal.duckdb.DuckDbPath;
import org.lamindb.query.TableAccessor.Column;
import org.lamindb.query.TableCursor;
import org.lamindb.query.TableSource;
import tech.tablesaw.api.Table;

/**
 * A {@link TableSource} on embedded DuckDB over exactly the given files. Every query gets the view
 * {@code data}: all Parquet files through ONE {@code read_parquet([...paths])} (DuckDB parallelises
 * over files and row groups; {@code union_by_name} only when the schemas differ), CSV files unioned
 * by name; with {@code artifact_uid} (when the query needs it: it names the column or selects
 * {@code *}) the reader's file name column is joined to a small path → uid table. Schemas are
 * checked up front: a column missing in a file is null; a column whose type differs between files
 * fails, naming both artifacts.
 */
public final class DuckTableSource implements TableSource {
  /** Name of the virtual column that says which artifact a row comes from. */
  public static final String ARTIFACT_UID = "artifact_uid";

  private static final String FILE_COLUMN = "__lamin_file";

  /** What the registry did before the files were opened: explain() lines and narrowing. */
  public interface Scope {
    /**
     * @return lines for explain(): artifacts selected, pruned, filters
     */
    List<String> describe();

    /**
     * @return a source over the artifacts of this scope that also match the lookup
     */
    TableSource narrow(String lookup, Object value);
  }

  private final List<TableFile> files;
  private final boolean uidColumn;
  private final Scope scope;
  private List<Column> schema;
  private boolean sameSchema;
  private long rows = -2;
  private final List<DuckDbPath> literalPaths = new ArrayList<>();
  private final Map<TableFile, String> sqlPaths = new LinkedHashMap<>();

  /**
   * @param files the files, in member order
   * @param uidColumn true to add the virtual {@code artifact_uid} column
   * @param scope registry information, or null for a single artifact
   */
  public DuckTableSource(List<TableFile> files, boolean uidColumn, Scope scope) {
    this.files = List.copyOf(files);
    this.uidColumn = uidColumn;
    this.scope = scope;
  }

  /**
   * @return the files behind the table
   */
  public List<TableFile> files() {
    return files;
  }

  @Override
  public synchronized List<Column> schema() {
    if (schema == null) {
      List<TableMeta.Meta> metas = TableMeta.cached(files);
      if (metas == null) {
        try (Connection conn = DuckDb.open()) {
          metas = TableMeta.of(conn, files);
        } catch (SQLException e) {
          throw new InvalidArgumentException("cannot read the tables: " + DuckDb.message(e), e);
        }
      }
      Map<String, Column> union = new LinkedHashMap<>();
      Map<String, TableFile> firstSeen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      sameSchema = true;
      long total = 0;
      for (int i = 0; i < files.size(); i++) {
        TableMeta.Meta m = metas.get(i);
        total = total < 0 || m.rows() < 0 ? -1 : total + m.rows();
        if (i > 0 && !m.columns().equals(metas.get(0).columns())) {
          sameSchema = false;
        }
        for (Column c : m.columns()) {
          if (uidColumn && c.name().equalsIgnoreCase(ARTIFACT_UID)) {
            throw new InvalidArgumentException(
                "artifact "
                    + files.get(i).label()
                    + " has a column named '"
                    + c.name()
                    + "', which the collection's virtual column of artifact uids uses; rename"
                    + " the column");
          }
          Column before = union.get(c.name().toLowerCase(java.util.Locale.ROOT));
          if (before == null) {
            union.put(c.name().toLowerCase(java.util.Locale.ROOT), c);
            firstSeen.put(c.name(), files.get(i));
          } else if (!before.type().equals(c.type())) {
            TableFile other = firstSeen.get(c.name());
            throw new InvalidArgumentException(
                "column '"
                    + c.name()
                    + "' is "
                    + c.type()
                    + " in artifact "
                    + files.get(i).label()
                    + " ("
                    + files.get(i).artifactUid()
                    + ") but "
                    + before.type()
                    + " in artifact "
                    + other.label()
                    + " ("
                    + other.artifactUid()
                    + "); the tables of one accessor must agree on column types (cast or"
                    + " rename the column, or open the artifacts separately)");
          }
        }
      }
      List<Column> cols = new ArrayList<>(union.values());
      if (uidColumn) {
        cols.add(new Column(ARTIFACT_UID, "VARCHAR"));
      }
      schema = List.copyOf(cols);
      rows = total;
    }
    return schema;
  }

  @Override
  public long rowCount() {
    schema();
    if (rows >= 0) {
      return rows;
    }
    Table t = query("SELECT count(*) FROM data");
    return ((Number) t.column(0).get(0)).longValue();
  }

  @Override
  public Table query(String sql) {
    try (Connection conn = prepare(sql, false, true)) {
      return DuckResults.table(conn, sql);
    } catch (SQLException e) {
      if (!prunedRowGroups()) {
        throw DuckResults.failure(sql, e);
      }
    }
    // the engine read a row group the statistics ruled out: stage them all and run it again
    try (Connection conn = prepare(sql, false, false)) {
      return DuckResults.table(conn, sql);
    } catch (SQLException e) {
      throw DuckResults.failure(sql, e);
    }
  }

  private boolean prunedRowGroups() {
    return files.stream().anyMatch(f -> f.stager() != null && f.stager().rowGroups()[0] > 0);
  }

  @Override
  public TableCursor stream(String sql, int batchRows) {
    try {
      return stream(sql, batchRows, true);
    } catch (RuntimeException e) {
      if (!(e.getCause() instanceof SQLException) || !prunedRowGroups()) {
        throw e;
      }
      return stream(sql, batchRows, false); // as in query(): stage every row group, run again
    }
  }

  private TableCursor stream(String sql, int batchRows, boolean pruneRowGroups) {
    Connection conn = null;
    try {
      conn = prepare(sql, true, pruneRowGroups);
      return DuckResults.cursor(conn, sql, batchRows);
    } catch (SQLException | RuntimeException e) {
      if (conn != null) {
        try {
          conn.close();
        } catch (SQLException ignored) {
          // reporting the first failure
        }
      }
      if (e instanceof SQLException s) {
        throw DuckResults.failure(sql, s);
      }
      throw (RuntimeException) e;
    }
  }

  @Override
  public String explain(String sql) {
    List<String> lines = new ArrayList<>();
    if (scope != null) {
      lines.addAll(scope.describe());
    }
    Map<String, Long> byFormat = new TreeMap<>();
    long staged = 0;
    for (TableFile f : files) {
      byFormat.merge(f.format(), 1L, Long::sum);
      staged += f.stager() == null ? 0 : 1;
    }
    long artifacts = files.stream().map(TableFile::artifactUid).distinct().count();
    lines.add(
        "files: "
            + files.size()
            + " of "
            + artifacts
            + " artifact(s) "
            + byFormat
            + (staged > 0 ? ", " + staged + " staged from object storage by ranged reads" : ""));
    lines.add("columns: " + schema().stream().map(Column::name).collect(Collectors.joining(", ")));
    lines.add("sql: " + sql);
    try (Connection conn = prepare(sql, true, true);
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
      if (staged > 0) {
        lines.add(stagedLine());
      }
      lines.add("plan:");
      while (rs.next()) {
        lines.add(rs.getString(2));
      }
    } catch (SQLException e) {
      throw DuckResults.failure(sql, e);
    }
    return String.join("\n", lines);
  }

  /**
   * @return bytes fetched by ranged reads from object storage for the staged files, and their total
   *     size
   */
  public long[] stagedBytes() {
    long fetched = 0;
    long total = 0;
    for (TableFile f : files) {
      if (f.stager() != null) {
        fetched += f.stager().fetchedBytes();
        total += f.stager().totalBytes();
      }
    }
    return new long[] {fetched, total};
  }

  private String stagedLine() {
    long[] b = stagedBytes();
    int skipped = 0;
    int groups = 0;
    for (TableFile f : files) {
      if (f.stager() != null) {
        skipped += f.stager().rowGroups()[0];
        groups += f.stager().rowGroups()[1];
      }
    }
    return "staged: "
        + b[0]
        + " of "
        + b[1]
        + " bytes fetched from object storage so far\nrow groups: "
        + skipped
        + " of "
        + groups
        + " left out by footer statistics for this query";
  }

  @Override
  public TableSource filterArtifacts(String lookup, Object value) {
    if (scope == null) {
      return TableSource.super.filterArtifacts(lookup, value);
    }
    return scope.narrow(lookup, value);
  }

  @Override
  public synchronized void close() {
    literalPaths.forEach(DuckDbPath::close);
    literalPaths.clear();
    sqlPaths.clear();
  }

  /**
   * Opens a connection with the view {@code data} as {@code sql} needs it; remote files get the
   * chunks of the columns it references, in the row groups its WHERE does not rule out ({@code
   * pruneRowGroups}).
   */
  private Connection prepare(String sql, boolean stream, boolean pruneRowGroups)
      throws SQLException {
    schema();
    Connection conn = DuckDb.open(stream);
    try {
      SqlShape shape = SqlShape.of(conn, sql);
      boolean withUid = uidColumn && shape.needs(ARTIFACT_UID);
      for (TableFile f : files) {
        if (f.stager() != null) {
          f.stager()
              .stage(
                  shape.star() ? null : shape.columns(),
                  pruneRowGroups ? shape.where() : List.of());
        }
      }
      try (Statement st = conn.createStatement()) {
        if (withUid) {
          st.execute(filesTable());
        }
        st.execute("CREATE TEMP VIEW data AS " + viewSql(withUid));
      }
      return conn;
    } catch (SQLException | RuntimeException e) {
      conn.close();
      throw e;
    }
  }

  private String filesTable() {
    StringBuilder sb =
        new StringBuilder("CREATE TEMP TABLE __lamin_files(path VARCHAR, artifact_uid VARCHAR)");
    if (files.isEmpty()) {
      return sb.toString();
    }
    sb.setLength(0);
    sb.append("CREATE TEMP TABLE __lamin_files AS SELECT * FROM (VALUES ");
    for (int i = 0; i < files.size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append('(')
          .append(DuckDb.literal(sqlPath(files.get(i))))
          .append(", ")
          .append(DuckDb.literal(files.get(i).artifactUid()))
          .append(')');
    }
    return sb.append(") t(path, artifact_uid)").toString();
  }

  private String viewSql(boolean withUid) {
    List<TableFile> parquet = files.stream().filter(f -> f.format().equals("parquet")).toList();
    List<TableFile> other = files.stream().filter(f -> !f.format().equals("parquet")).toList();
    List<String> parts = new ArrayList<>();
    if (!parquet.isEmpty()) {
      String list =
          parquet.stream()
              .map(f -> DuckDb.literal(sqlPath(f)))
              .collect(Collectors.joining(", ", "[", "]"));
      String scan =
          "read_parquet("
              + list
              + (withUid ? ", filename = '" + FILE_COLUMN + "'" : "")
              + (sameSchema && other.isEmpty() ? "" : ", union_by_name = true")
              + ")";
      parts.add(
          withUid
              ? "SELECT d.* EXCLUDE ("
                  + FILE_COLUMN
                  + "), f.artifact_uid FROM "
                  + scan
                  + " d JOIN __lamin_files f ON d."
                  + FILE_COLUMN
                  + " = f.path"
              : "SELECT * FROM " + scan);
    }
    for (TableFile f : other) {
      parts.add(
          "SELECT *"
              + (withUid ? ", " + DuckDb.literal(f.artifactUid()) + " AS artifact_uid" : "")
              + " FROM "
              + csvScan(f));
    }
    if (parts.isEmpty()) {
      return withUid || uidColumn
          ? "SELECT NULL::VARCHAR AS artifact_uid WHERE false"
          : "SELECT NULL WHERE false";
    }
    return String.join(" UNION ALL BY NAME ", parts);
  }

  private synchronized String sqlPath(TableFile f) {
    return sqlPaths.computeIfAbsent(
        f,
        k -> {
          try {
            DuckDbPath p = DuckDbPath.of(k.path().toAbsolutePath());
            literalPaths.add(p);
            return p.sql();
          } catch (IOException e) {
            throw new org.lamindb.StorageException(
                "cannot read " + k.path() + ": " + e.getMessage(), e);
          }
        });
  }

  /** The DuckDB table function reading one CSV/TSV file. */
  static String csvScan(TableFile f) {
    return "read_csv("
        + DuckDb.literal(f.path().toAbsolutePath().toString())
        + ", header = true"
        + (f.format().equals("tsv") ? ", delim = '\\t'" : "")
        + ")";
  }

  /**
   * @return the files' Parquet paths as DuckDB reads them (for benchmarks and tests)
   */
  public List<String> parquetPaths() {
    return files.stream()
        .filter(f -> f.format().equals("parquet"))
        .map(this::sqlPath)
        .collect(Collectors.toList());
  }
}
