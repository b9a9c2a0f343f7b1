package org.lamindb.model;

import java.time.OffsetDateTime;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * An artifact (lamindb_artifact): a versioned dataset or model — a file or folder in a storage location, identified
 * by a content hash and optionally a key. Create one with {@code ln.artifact(path).key("...").save()}.
 */
public final class Artifact extends SQLRecord<Artifact> {

  // ---- typed fields for filters: ln.artifacts().filter(Artifact.ID...) (query engine) ----

  /** Typed field {@code id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> ID =
      org.lamindb.query.Field.of("id", Long.class);

  /** Typed field {@code uid} for filters and ordering. */
  public static final org.lamindb.query.TextField UID = org.lamindb.query.Field.text("uid");

  /** Typed field {@code key} for filters and ordering. */
  public static final org.lamindb.query.TextField KEY = org.lamindb.query.Field.text("key");

  /** Typed field {@code description} for filters and ordering. */
  public static final org.lamindb.query.TextField DESCRIPTION = org.lamindb.query.Field.text("description");

  /** Typed field {@code suffix} for filters and ordering. */
  public static final org.lamindb.query.TextField SUFFIX = org.lamindb.query.Field.text("suffix");

  /** Typed field {@code kind} for filters and ordering. */
  public static final org.lamindb.query.TextField KIND = org.lamindb.query.Field.text("kind");

  /** Typed field {@code otype} for filters and ordering. */
  public static final org.lamindb.query.TextField OTYPE = org.lamindb.query.Field.text("otype");

  /** Typed field {@code size} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> SIZE =
      org.lamindb.query.Field.of("size", Long.class);

  /** Typed field {@code hash} for filters and ordering. */
  public static final org.lamindb.query.TextField HASH = org.lamindb.query.Field.text("hash");

  /** Typed field {@code n_files} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> N_FILES =
      org.lamindb.query.Field.of("n_files", Long.class);

  /** Typed field {@code n_observations} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> N_OBSERVATIONS =
      org.lamindb.query.Field.of("n_observations", Long.class);

  /** Typed field {@code version_tag} for filters and ordering. */
  public static final org.lamindb.query.TextField VERSION_TAG = org.lamindb.query.Field.text("version_tag");

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

  /** Typed field {@code storage_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> STORAGE_ID =
      org.lamindb.query.Field.of("storage_id", Long.class);

  /** Typed field {@code run_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> RUN_ID =
      org.lamindb.query.Field.of("run_id", Long.class);

  /** Typed field {@code schema_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> SCHEMA_ID =
      org.lamindb.query.Field.of("schema_id", Long.class);

  /** Typed field {@code created_by_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> CREATED_BY_ID =
      org.lamindb.query.Field.of("created_by_id", Long.class);

  /**
   * Creates an empty, unsaved entity; use {@link LaminDB#artifact(java.nio.file.Path)} instead.
   *
   * @param ln the instance
   */
  public Artifact(LaminDB ln) {
    super(ln, CoreRegistries.ARTIFACT);
  }

  /** @return the key (a virtual relative path such as {@code examples/my.csv}), or null */
  public String key() {
    return str("key");
  }

  /** Sets the key. */
  public Artifact key(String value) {
    return set("key", value);
  }

  /** @return the description, or null */
  public String description() {
    return str("description");
  }

  /** Sets the description. */
  public Artifact description(String value) {
    return set("description", value);
  }

  /** @return the canonical suffix, e.g. {@code .csv}, or "" */
  public String suffix() {
    return str("suffix");
  }

  /** @return {@code dataset}, {@code model}, ... or null */
  public String kind() {
    return str("kind");
  }

  /** Sets the kind ({@code dataset}, {@code model}, or any string). */
  public Artifact kind(String value) {
    return set("kind", value);
  }

  /** @return the object type ({@code DataFrame}, {@code AnnData}, ...), or null */
  public String otype() {
    return str("otype");
  }

  /** @return size in bytes (sum over files for folders) */
  public Long size() {
    return lng("size");
  }

  /** @return the content hash (22 characters, LaminDB-compatible) */
  public String hash() {
    return str("hash");
  }

  /** @return how {@link #hash()} was computed: {@code md5}, {@code sha1-fl}, {@code md5-d}, ... */
  public String hashType() {
    return str("_hash_type");
  }

  /** @return number of files for folder artifacts, else null */
  public Long nFiles() {
    return lng("n_files");
  }

  /** @return number of observations (rows, cells, records) when known */
  public Long nObservations() {
    return lng("n_observations");
  }

  /** @return the version tag if set, else the 4-character uid suffix */
  public String version() {
    String tag = str("version_tag");
    String uid = uid();
    return tag != null ? tag : uid == null ? null : uid.substring(uid.length() - 4);
  }

  /** @return true for the latest version of its family */
  public boolean isLatest() {
    return Boolean.TRUE.equals(bool("is_latest"));
  }

  /** @return the storage location */
  public Storage storage() {
    return related("storage", Storage.class);
  }

  /** @return the run that created this artifact, or null */
  public Run run() {
    return related("run", Run.class);
  }

  /** @return the transform of the creating run, or null */
  public Transform transform() {
    Run r = run();
    return r == null ? null : r.transform();
  }

  /** @return creation time */
  public OffsetDateTime createdAt() {
    return time("created_at");
  }

  /** @return the creating user */
  public User createdBy() {
    return related("created_by", User.class);
  }
}
