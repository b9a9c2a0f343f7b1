package org.lamindb.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The metadata database of an instance as a module sees it: the backend, pooled JDBC connections, a
 * jOOQ context, transactions and the conversion of Java values to each backend's column
 * representation (SQLite keeps dates, timestamps and JSON as text; PostgreSQL has native types).
 *
 * <pre>{@code
 * SqlDatabase db = ctx.database();
 * try (Connection c = db.connection()) {
 *   // write rows; bind timestamps as db.toSql(FieldType.DATETIME, now)
 * }
 * }</pre>
 */
public interface SqlDatabase {

  /**
   * @return the backend
   */
  Dialect dialect();

  /**
   * @return a raw JDBC connection from the pool (the caller closes it)
   * @throws SQLException when the pool cannot hand one out
   */
  Connection connection() throws SQLException;

  /**
   * @return the jOOQ context (auto-commit; use {@link #transaction} for atomic work)
   */
  DSLContext dsl();

  /**
   * Runs {@code work} in one transaction (nested calls join the outer one) and returns its result.
   *
   * @param work receives a context bound to the transaction
   * @return what {@code work} returns
   */
  <T> T transaction(Function<DSLContext, T> work);

  /**
   * @param type the column type
   * @param value a Java value of that type (or its text form), may be null
   * @return what the backend column takes as a bind value
   */
  Object toSql(FieldType type, Object value);
}
