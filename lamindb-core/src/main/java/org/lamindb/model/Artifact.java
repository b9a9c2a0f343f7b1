package org.lamindb.model;

import java.time.OffsetDateTime;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * An artifact (lamindb_artifact): a versioned dataset or model — a file or folder in a storage location, identified
 * by a content hash and optionally a key. Create one with {@code ln.artifact(path).key("...").save()}.
 */
public final class Artifact extends SQLRecord<Artifact> {

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
