package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/** A versioned collection of artifacts (lamindb_collection). */
public final class Collection extends SQLRecord<Collection> {

  // ---- typed fields for filters: ln.collections().filter(Collection.ID...) (query engine) ----

  /** Typed field {@code id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> ID =
      org.lamindb.query.Field.of("id", Long.class);

  /** Typed field {@code uid} for filters and ordering. */
  public static final org.lamindb.query.TextField UID = org.lamindb.query.Field.text("uid");

  /** Typed field {@code key} for filters and ordering. */
  public static final org.lamindb.query.TextField KEY = org.lamindb.query.Field.text("key");

  /** Typed field {@code description} for filters and ordering. */
  public static final org.lamindb.query.TextField DESCRIPTION =
      org.lamindb.query.Field.text("description");

  /** Typed field {@code hash} for filters and ordering. */
  public static final org.lamindb.query.TextField HASH = org.lamindb.query.Field.text("hash");

  /** Typed field {@code version_tag} for filters and ordering. */
  public static final org.lamindb.query.TextField VERSION_TAG =
      org.lamindb.query.Field.text("version_tag");

  /** Typed field {@code is_latest} for filters and ordering. */
  public static final org.lamindb.query.Field<Boolean> IS_LATEST =
      org.lamindb.query.Field.of("is_latest", Boolean.class);

  /** Typed field {@code created_at} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.OffsetDateTime> CREATED_AT =
      org.lamindb.query.Field.of("created_at", java.time.OffsetDateTime.class);

  /** Typed field {@code updated_at} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.OffsetDateTime> UPDATED_AT =
      org.lamindb.query.Field.of("updated_at", java.time.OffsetDateTime.class);

  /** Typed field {@code branch_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> BRANCH_ID =
      org.lamindb.query.Field.of("branch_id", Long.class);

  /** Typed field {@code created_by_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> CREATED_BY_ID =
      org.lamindb.query.Field.of("created_by_id", Long.class);

  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Collection(LaminDB ln) {
    super(ln, CoreRegistries.COLLECTION);
  }

  /**
   * @return key
   */
  public String key() {
    return str("key");
  }

  /** Sets key. */
  public Collection key(String value) {
    return set("key", value);
  }

  /**
   * @return description
   */
  public String description() {
    return str("description");
  }

  /** Sets description. */
  public Collection description(String value) {
    return set("description", value);
  }

  /**
   * @return hash
   */
  public String hash() {
    return str("hash");
  }

  /**
   * @return is_latest
   */
  public Boolean isLatest() {
    return bool("is_latest");
  }

  /**
   * @return version_tag
   */
  public String versionTag() {
    return str("version_tag");
  }

  /**
   * @return created_at
   */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }

  // ---- features & labels ----

  /**
   * @return the ulabels linked to this collection ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<ULabel> ulabels() {
    return new LabelManager<>(this, "ulabels", ULabel.class);
  }

  /**
   * @return the projects linked to this collection ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Project> projects() {
    return new LabelManager<>(this, "projects", Project.class);
  }

  /**
   * @return the references linked to this collection ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Reference> references() {
    return new LabelManager<>(this, "references", Reference.class);
  }

  /**
   * @return the records linked to this collection ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Record> records() {
    return new LabelManager<>(this, "records", Record.class);
  }
}
