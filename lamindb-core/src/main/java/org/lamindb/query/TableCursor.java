package org.lamindb.query;

import java.util.Iterator;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A streaming result: {@link #next()} returns the next batch of rows as a Tablesaw table, read from
 * the engine while iterating (the whole result is never held in memory). Close it when done;
 * reaching the end closes it too.
 *
 * <pre>{@code
 * try (TableCursor c = accessor.sqlStream("SELECT * FROM data WHERE x > 3")) {
 *   while (c.hasNext()) {
 *     Table batch = c.next();
 *   }
 * }
 * }</pre>
 */
public interface TableCursor extends Iterator<Table>, AutoCloseable {

  /**
   * @return the columns of every batch (name and engine type)
   */
  List<TableAccessor.Column> columns();

  @Override
  void close();
}
