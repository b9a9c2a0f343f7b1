package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/** A storage location (lamindb_storage): a local folder or a bucket prefix holding artifacts. */
public final class Storage extends SQLRecord<Storage> {

  // ---- typed fields for filters: ln.storages().filter(Storage.ID...) (query engine) ----

  /** Typed field {@code id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> ID =
      org.lamindb.query.Field.of("id", Long.class);

  /** Typed field {@code uid} for filters and ordering. */
  public static final org.lamindb.query.TextField UID = org.lamindb.query.Field.text("uid");

  /** Typed field {@code root} for filters and ordering. */
  public static final org.lamindb.query.TextField ROOT = org.lamindb.query.Field.text("root");

  /** Typed field {@code type} for filters and ordering. */
  public static final org.lamindb.query.TextField TYPE = org.lamindb.query.Field.text("type");

  /** Typed field {@code region} for filters and ordering. */
  public static final org.lamindb.query.TextField REGION = org.lamindb.query.Field.text("region");

  /** Typed field {@code description} for filters and ordering. */
  public static final org.lamindb.query.TextField DESCRIPTION =
      org.lamindb.query.Field.text("description");

  /** Typed field {@code created_at} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.OffsetDateTime> CREATED_AT =
      org.lamindb.query.Field.of("created_at", java.time.OffsetDateTime.class);

  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Storage(LaminDB ln) {
    super(ln, CoreRegistries.STORAGE);
  }

  /**
   * @return root
   */
  public String root() {
    return str("root");
  }

  /**
   * @return type
   */
  public String type() {
    return str("type");
  }

  /**
   * @return region
   */
  public String region() {
    return str("region");
  }

  /**
   * @return description
   */
  public String description() {
    return str("description");
  }

  /** Sets description. */
  public Storage description(String value) {
    return set("description", value);
  }

  /**
   * @return instance_uid
   */
  public String instanceUid() {
    return str("instance_uid");
  }

  /**
   * @return created_at
   */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }
}
