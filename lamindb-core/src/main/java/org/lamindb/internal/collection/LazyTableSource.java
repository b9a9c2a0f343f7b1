package org.lamindb.internal.collection;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.lamindb.query.TableAccessor.Column;
import org.lamindb.query.TableCursor;
import org.lamindb.query.TableSource;
import tech.tablesaw.api.Table;

/**
 * A table source over the artifacts of a registry query that lists them only when first used:
 * {@code collection.open().filterArtifacts(..)} then queries the registry once, for the artifacts
 * that remain, instead of listing every member first.
 */
final class LazyTableSource implements TableSource {
  private final Supplier<DuckTableSource> make;
  private final BiFunction<String, Object, TableSource> narrow;
  private DuckTableSource source;
  private boolean closed;

  /**
   * @param make lists the artifacts and builds the engine
   * @param narrow a lazy source over the artifacts that also match a lookup
   */
  LazyTableSource(Supplier<DuckTableSource> make, BiFunction<String, Object, TableSource> narrow) {
    this.make = make;
    this.narrow = narrow;
  }

  private synchronized DuckTableSource get() {
    if (closed) {
      throw new IllegalStateException("the table accessor is closed");
    }
    if (source == null) {
      source = make.get();
    }
    return source;
  }

  @Override
  public List<Column> schema() {
    return get().schema();
  }

  @Override
  public long rowCount() {
    return get().rowCount();
  }

  @Override
  public Table query(String sql) {
    return get().query(sql);
  }

  @Override
  public TableCursor stream(String sql, int batchRows) {
    return get().stream(sql, batchRows);
  }

  @Override
  public String explain(String sql) {
    return get().explain(sql);
  }

  @Override
  public TableSource filterArtifacts(String lookup, Object value) {
    return narrow.apply(lookup, value);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (source != null) {
      source.close();
    }
  }
}
