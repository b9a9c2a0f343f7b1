package org.lamindb.query;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What a {@link TableAccessor} reads: one or more tabular files (Parquet, CSV, folders of Parquet)
 * exposed to SQL as the view {@code data}. Core implements it (embedded DuckDB over exactly the
 * member files); other engines may too. Callers use {@link TableAccessor}, not this interface.
 */
public interface TableSource extends AutoCloseable {

  /**
   * @return the columns of {@code data}, in order (the union over all files; {@code artifact_uid}
   *     last when the source has it)
   */
  List<TableAccessor.Column> schema();

  /**
   * @return the number of rows of {@code data}, from file metadata where the format has it (Parquet
   *     footers), without scanning
   */
  long rowCount();

  /**
   * Runs {@code sql} (a query over the view {@code data}) and returns the whole result.
   *
   * @param sql a SELECT statement over {@code data}
   * @return the result as a table
   */
  Table query(String sql);

  /**
   * Runs {@code sql} and streams its result in batches.
   *
   * @param sql a SELECT statement over {@code data}
   * @param batchRows rows per batch (at most)
   * @return the cursor (close it)
   */
  TableCursor stream(String sql, int batchRows);

  /**
   * @param sql the query that would run, or null for a plain scan
   * @return how {@code sql} would run: artifacts selected and pruned in the registry, files read,
   *     and the engine's plan
   */
  String explain(String sql);

  /**
   * Applies an artifact-level predicate in the registry (features, labels, schema, key, size,
   * created_at, ...) and returns a source over the artifacts that remain; no file is opened for a
   * pruned artifact.
   *
   * @param lookup a query lookup on artifacts, e.g. {@code "tissue"}, {@code "size__gt"}
   * @param value the value
   * @return the narrower source
   */
  default TableSource filterArtifacts(String lookup, Object value) {
    throw new org.lamindb.InvalidArgumentException(
        "this table comes from one file; artifact-level filters apply to collections and"
            + " query sets (collection.open() or ln.artifacts().filter(..).open())");
  }

  /** Releases the engine and any staged files' handles. */
  @Override
  void close();
}
