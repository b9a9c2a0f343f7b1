package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A branch (lamindb_branch): {@code main} (1), {@code archive} (0), {@code trash} (-1), or a user
 * branch.
 */
public final class Branch extends SQLRecord<Branch> {
  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Branch(LaminDB ln) {
    super(ln, CoreRegistries.BRANCH);
  }

  /**
   * @return name
   */
  public String name() {
    return str("name");
  }

  /**
   * @return description
   */
  public String description() {
    return str("description");
  }

  /** Sets description. */
  public Branch description(String value) {
    return set("description", value);
  }

  /**
   * @return created_at
   */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }
}
