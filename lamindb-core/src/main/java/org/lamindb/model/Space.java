package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/** A space (lamindb_space); every record lives in one (default {@code all}). */
public final class Space extends SQLRecord<Space> {
  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Space(LaminDB ln) {
    super(ln, CoreRegistries.SPACE);
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
  public Space description(String value) {
    return set("description", value);
  }

  /**
   * @return created_at
   */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }
}
