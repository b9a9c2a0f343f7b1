package org.lamindb.internal.artifact;

import java.util.Map;

/**
 * Where a new artifact's content goes, decided once by {@link KeyPolicy} before anything is stored:
 * the storage location, the key recorded on the row, and how the storage key follows from it (spec
 * §4.2). The row's columns {@code key}, {@code _key_is_virtual}, {@code _real_key} and {@code
 * _overwrite_versions} are written from it in one place ({@link #writeColumns}).
 *
 * @param storageId storage row id
 * @param storageRoot the storage root
 * @param inPlace true when the file already lies in a registered storage and is not copied
 * @param key the key recorded on the row (null when the artifact has none)
 * @param keyIsVirtual true when the content is stored under {@code .lamindb/<uid>}, not under
 *     {@code key}
 * @param realKey the storage key of an in-place file registered under another key, else null
 * @param overwriteVersions true for folders: versions share {@code .lamindb/<uid stem>}
 */
public record Placement(
    long storageId,
    String storageRoot,
    boolean inPlace,
    String key,
    boolean keyIsVirtual,
    String realKey,
    boolean overwriteVersions) {

  /**
   * @return the storage key of the content of the artifact {@code uid} with suffix {@code suffix}
   */
  public String storageKey(String uid, String suffix) {
    if (realKey != null) {
      return realKey;
    }
    if (key == null || keyIsVirtual) {
      return ".lamindb/" + (overwriteVersions ? uid.substring(0, 16) : uid) + suffix;
    }
    return key;
  }

  /** Writes the placement columns of the new row. */
  void writeColumns(Map<String, Object> row) {
    row.put("storage_id", storageId);
    row.put("key", key);
    row.put("_key_is_virtual", keyIsVirtual);
    row.put("_real_key", realKey);
    row.put("_overwrite_versions", overwriteVersions);
  }
}
