package org.lamindb.internal.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.db.Database;
import org.lamindb.spi.Dialect;

/**
 * Runs query SQL on a pooled connection prepared for it (SQLite connections get the {@link
 * SqliteFunctions}), and streams large results with a server-side cursor (PostgreSQL needs a
 * transaction for that).
 */
public final class QueryRunner {
  /** Rows fetched per round trip when streaming. */
  public static final int FETCH_SIZE = 1000;

  private static final Settings SETTINGS =
      new Settings().withExecuteLogging(false).withRenderSchema(false);

  private QueryRunner() {}

  /**
   * @return the jOOQ dialect of {@code db}
   */
  public static SQLDialect dialect(Database db) {
    return db.dialect() == Dialect.SQLITE ? SQLDialect.SQLITE : SQLDialect.POSTGRES;
  }

  private static final ThreadLocal<Consumer<String>> OBSERVER = new ThreadLocal<>();

  /**
   * Runs {@code work} and hands every query statement it runs on this thread to {@code sink}, with
   * bind values inlined (for plan assertions: {@code EXPLAIN} of exactly what ran).
   *
   * @return what {@code work} returned
   */
  public static <R> R observed(Consumer<String> sink, Supplier<R> work) {
    Consumer<String> before = OBSERVER.get();
    OBSERVER.set(sink);
    try {
      return work.get();
    } finally {
      OBSERVER.set(before);
    }
  }

  private static DSLContext context(Database db, Connection c) {
    DSLContext ctx = DSL.using(c, dialect(db), SETTINGS);
    Consumer<String> sink = OBSERVER.get();
    if (sink != null) {
      ctx = DSL.using(ctx.configuration().derive(new Observer(sink)));
    }
    return ctx;
  }

  /** Passes each statement, rendered with inlined values, to the observer. */
  private static final class Observer implements ExecuteListener {
    private static final long serialVersionUID = 1L;
    private final transient Consumer<String> sink;

    Observer(Consumer<String> sink) {
      this.sink = sink;
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
      if (ctx.query() != null) {
        sink.accept(ctx.dsl().renderInlined(ctx.query()));
      } else if (ctx.sql() != null) {
        sink.accept(ctx.sql());
      }
    }
  }

  /** Runs {@code work} with a context on one prepared connection (auto-commit). */
  public static <R> R read(Instance inst, Function<DSLContext, R> work) {
    Database db = inst.db();
    try (Connection c = db.connection()) {
      prepare(db, c);
      return work.apply(db.guard(context(db, c)));
    } catch (SQLException e) {
      throw new DataAccessException("query failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction on a prepared connection. */
  public static <R> R write(Instance inst, Function<DSLContext, R> work) {
    inst.checkWritable("update or delete records");
    return read(inst, ctx -> ctx.transactionResult(cfg -> work.apply(DSL.using(cfg))));
  }

  private static void prepare(Database db, Connection c) throws SQLException {
    if (db.dialect() == Dialect.SQLITE) {
      SqliteFunctions.ensure(c);
    }
  }

  /**
   * @param inst the instance
   * @param query builds the query on the given context
   * @param map converts each row
   * @return a lazy stream over the rows; closing it (or reading it to the end) releases the
   *     connection
   */
  public static <T> Stream<T> stream(
      Instance inst, Function<DSLContext, ResultQuery<Record>> query, Function<Record, T> map) {
    Database db = inst.db();
    Connection c;
    boolean autoCommit;
    try {
      c = db.connection();
      autoCommit = c.getAutoCommit();
    } catch (SQLException e) {
      throw new DataAccessException("cannot open a connection: " + e.getMessage(), e);
    }
    Runnable release =
        () -> {
          try {
            if (db.dialect() == Dialect.POSTGRES && !c.getAutoCommit()) {
              c.rollback();
              c.setAutoCommit(autoCommit);
            }
          } catch (SQLException e) {
            // connection is closed below either way
          } finally {
            try {
              c.close();
            } catch (SQLException e) {
              // best effort
            }
          }
        };
    Cursor<Record> cursor;
    try {
      prepare(db, c);
      if (db.dialect() == Dialect.POSTGRES) {
        c.setAutoCommit(false); // PostgreSQL only uses a cursor (fetch size) inside a transaction
      }
      cursor = query.apply(context(db, c)).fetchSize(FETCH_SIZE).fetchLazy();
    } catch (SQLException | RuntimeException e) {
      release.run();
      throw e instanceof RuntimeException re ? re : new DataAccessException(e.getMessage(), e);
    }
    boolean[] closed = {false};
    Runnable close =
        () -> {
          if (!closed[0]) {
            closed[0] = true;
            try {
              cursor.close();
            } finally {
              release.run();
            }
          }
        };
    Iterator<T> it =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            if (closed[0]) {
              return false;
            }
            boolean more = cursor.hasNext();
            if (!more) {
              close.run();
            }
            return more;
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return map.apply(cursor.fetchNext());
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(close);
  }
}
