package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/** A storage location (lamindb_storage): a local folder or a bucket prefix holding artifacts. */
public final class Storage extends SQLRecord<Storage> {
  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Storage(LaminDB ln) {
    super(ln, CoreRegistries.STORAGE);
  }

  /** @return root */
  public String root() {
    return str("root");
  }

  /** @return type */
  public String type() {
    return str("type");
  }

  /** @return region */
  public String region() {
    return str("region");
  }

  /** @return description */
  public String description() {
    return str("description");
  }

  /** Sets description. */
  public Storage description(String value) {
    return set("description", value);
  }

  /** @return instance_uid */
  public String instanceUid() {
    return str("instance_uid");
  }

  /** @return created_at */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }
}
