package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/** A versioned collection of artifacts (lamindb_collection). */
public final class Collection extends SQLRecord<Collection> {
  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Collection(LaminDB ln) {
    super(ln, CoreRegistries.COLLECTION);
  }

  /** @return key */
  public String key() {
    return str("key");
  }

  /** Sets key. */
  public Collection key(String value) {
    return set("key", value);
  }

  /** @return description */
  public String description() {
    return str("description");
  }

  /** Sets description. */
  public Collection description(String value) {
    return set("description", value);
  }

  /** @return hash */
  public String hash() {
    return str("hash");
  }

  /** @return is_latest */
  public Boolean isLatest() {
    return bool("is_latest");
  }

  /** @return version_tag */
  public String versionTag() {
    return str("version_tag");
  }

  /** @return created_at */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }
}
