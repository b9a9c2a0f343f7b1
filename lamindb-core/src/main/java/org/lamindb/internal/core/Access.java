package org.lamindb.internal.core;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.lamindb.LaminDB;
import org.lamindb.model.SQLRecord;

/**
 * Lets internal code reach the state of public API objects (an entity's column values, an instance
 * handle's services) without making that state public. The public classes install the accessors
 * when they load.
 */
public final class Access {
  private static volatile RecordAccess records;
  private static volatile Function<LaminDB, Instance> instances;

  private Access() {}

  /** Reads and writes an entity's column values. */
  public interface RecordAccess {
    /**
     * @return the mutable column values
     */
    Map<String, Object> values(SQLRecord<?> r);

    /**
     * @return the mutable set of changed columns
     */
    Set<String> dirty(SQLRecord<?> r);

    /**
     * @return the instance handle the record belongs to
     */
    LaminDB handle(SQLRecord<?> r);
  }

  /** Installed once by {@link SQLRecord}. */
  public static void installRecordAccess(RecordAccess a) {
    if (records == null) {
      records = a;
    }
  }

  /** Installed once by {@link LaminDB}. */
  public static void installInstanceAccess(Function<LaminDB, Instance> f) {
    if (instances == null) {
      instances = f;
    }
  }

  /**
   * @return the mutable column values of {@code r}
   */
  public static Map<String, Object> values(SQLRecord<?> r) {
    return records.values(r);
  }

  /**
   * @return the mutable set of changed columns of {@code r}
   */
  public static Set<String> dirty(SQLRecord<?> r) {
    return records.dirty(r);
  }

  /**
   * @return the internal services of the instance {@code r} belongs to
   */
  public static Instance instanceOf(SQLRecord<?> r) {
    return instance(records.handle(r));
  }

  /**
   * @return the internal services behind {@code ln}
   */
  public static Instance instance(LaminDB ln) {
    if (instances == null) {
      init(LaminDB.class);
    }
    return instances.apply(ln);
  }

  private static void init(Class<?> c) {
    try {
      Class.forName(c.getName(), true, c.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
