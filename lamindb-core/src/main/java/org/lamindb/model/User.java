package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/** A user (lamindb_user): who created records. Local identity set with {@code lamin login <handle>}. */
public final class User extends SQLRecord<User> {
  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public User(LaminDB ln) {
    super(ln, CoreRegistries.USER);
  }

  /** @return handle */
  public String handle() {
    return str("handle");
  }

  /** @return name */
  public String name() {
    return str("name");
  }

  /** Sets name. */
  public User name(String value) {
    return set("name", value);
  }

  /** @return created_at */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }
}
