package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A user (lamindb_user): who created records. Local identity set with {@code lamin login <handle>}.
 */
public final class User extends SQLRecord<User> {

  // ---- typed fields for filters: ln.users().filter(User.ID...) (query engine) ----

  /** Typed field {@code id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> ID =
      org.lamindb.query.Field.of("id", Long.class);

  /** Typed field {@code uid} for filters and ordering. */
  public static final org.lamindb.query.TextField UID = org.lamindb.query.Field.text("uid");

  /** Typed field {@code handle} for filters and ordering. */
  public static final org.lamindb.query.TextField HANDLE = org.lamindb.query.Field.text("handle");

  /** Typed field {@code name} for filters and ordering. */
  public static final org.lamindb.query.TextField NAME = org.lamindb.query.Field.text("name");

  /** Typed field {@code created_at} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.OffsetDateTime> CREATED_AT =
      org.lamindb.query.Field.of("created_at", java.time.OffsetDateTime.class);

  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public User(LaminDB ln) {
    super(ln, CoreRegistries.USER);
  }

  /**
   * @return handle
   */
  public String handle() {
    return str("handle");
  }

  /**
   * @return name
   */
  public String name() {
    return str("name");
  }

  /** Sets name. */
  public User name(String value) {
    return set("name", value);
  }

  /**
   * @return created_at
   */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }
}
