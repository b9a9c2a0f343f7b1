package org.lamindb.model;

import java.time.OffsetDateTime;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A transform (lamindb_transform): a versioned piece of code that creates data — a script, a
 * pipeline step, a function. Each execution is a {@link Run}.
 */
public final class Transform extends SQLRecord<Transform> {

  // ---- typed fields for filters: ln.transforms().filter(Transform.ID...) (query engine) ----

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

  /** Typed field {@code kind} for filters and ordering. */
  public static final org.lamindb.query.TextField KIND = org.lamindb.query.Field.text("kind");

  /** Typed field {@code hash} for filters and ordering. */
  public static final org.lamindb.query.TextField HASH = org.lamindb.query.Field.text("hash");

  /** Typed field {@code reference} for filters and ordering. */
  public static final org.lamindb.query.TextField REFERENCE =
      org.lamindb.query.Field.text("reference");

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
   * Creates an empty, unsaved entity; use the factories of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Transform(LaminDB ln) {
    super(ln, CoreRegistries.TRANSFORM);
  }

  /**
   * @return the key, e.g. {@code create-fasta.java}
   */
  public String key() {
    return str("key");
  }

  /** Sets the key. */
  public Transform key(String value) {
    return set("key", value);
  }

  /**
   * @return the description
   */
  public String description() {
    return str("description");
  }

  /** Sets the description. */
  public Transform description(String value) {
    return set("description", value);
  }

  /**
   * @return {@code pipeline}, {@code script}, {@code notebook} or {@code function}
   */
  public String kind() {
    return str("kind");
  }

  /** Sets the kind ({@code pipeline}, {@code script}, {@code notebook} or {@code function}). */
  public Transform kind(String value) {
    return set("kind", value);
  }

  /**
   * @return the stored source code (secrets redacted), or null
   */
  public String sourceCode() {
    return str("source_code");
  }

  /**
   * @return hash of the (unredacted) source
   */
  public String hash() {
    return str("hash");
  }

  /**
   * @return the version tag if set, else the 4-character uid suffix
   */
  public String version() {
    String tag = str("version_tag");
    String uid = uid();
    return tag != null ? tag : uid == null ? null : uid.substring(uid.length() - 4);
  }

  /**
   * @return the version tag, or null
   */
  public String versionTag() {
    return str("version_tag");
  }

  /** Sets the version tag. */
  public Transform versionTag(String value) {
    return set("version_tag", value);
  }

  /**
   * @return true for the latest version of its family
   */
  public boolean isLatest() {
    return Boolean.TRUE.equals(bool("is_latest"));
  }

  /**
   * @return creation time
   */
  public OffsetDateTime createdAt() {
    return time("created_at");
  }

  /**
   * @return the creating user
   */
  public User createdBy() {
    return related("created_by", User.class);
  }

  // ---- features & labels ----

  /**
   * @return the ulabels linked to this transform ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<ULabel> ulabels() {
    return new LabelManager<>(this, "ulabels", ULabel.class);
  }

  /**
   * @return the projects linked to this transform ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Project> projects() {
    return new LabelManager<>(this, "projects", Project.class);
  }

  /**
   * @return the references linked to this transform ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Reference> references() {
    return new LabelManager<>(this, "references", Reference.class);
  }

  /**
   * @return the records linked to this transform ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Record> records() {
    return new LabelManager<>(this, "records", Record.class);
  }
}
