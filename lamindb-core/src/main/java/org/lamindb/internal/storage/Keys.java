package org.lamindb.internal.storage;

import org.lamindb.InvalidArgumentException;
import org.lamindb.storage.StorageKeys;

/**
 * Validation of artifact keys and storage keys (spec §0.4, §4.2). A key is a relative,
 * '/'-separated path below a storage root. Every broken rule raises an {@link
 * InvalidArgumentException} whose message names the rule and the key.
 *
 * <pre>{@code
 * Keys.validateKey("my_datasets/sequences.parquet");   // ok
 * Keys.validateKey("../x.csv");                        // throws: rule 'no-dot-segments'
 * }</pre>
 */
public final class Keys extends StorageKeys {

  /** Prefix of keys that LaminDB manages itself ({@code .lamindb/<uid><suffix>}). */
  public static final String AUTO_KEY_PREFIX = ".lamindb/";

  private Keys() {}

  /**
   * Checks a key a user passes for an artifact: every rule of {@link #validateStorageKey(String)}
   * and, in addition, that it does not point into LaminDB's managed {@code .lamindb/} folder.
   *
   * @param key the key
   * @return the key, unchanged
   * @throws InvalidArgumentException naming the broken rule
   */
  public static String validateKey(String key) {
    validateStorageKey(key);
    if (key.contains(AUTO_KEY_PREFIX) || key.equals(".lamindb") || key.endsWith("/.lamindb")) {
      throw invalid(
          key,
          "no-lamindb-prefix",
          "keys inside '.lamindb/' are reserved for artifacts LaminDB names itself; choose a key outside it");
    }
    return key;
  }

  /**
   * Checks that a path and the key it is saved under have the same raw suffix (LaminDB's rule and
   * message).
   *
   * @param pathRawSuffix raw suffix of the path, e.g. {@code .xyz}
   * @param keyRawSuffix raw suffix of the key
   * @throws InvalidArgumentException when they differ
   */
  public static void checkSuffixMatch(String pathRawSuffix, String keyRawSuffix) {
    if (!pathRawSuffix.equals(keyRawSuffix)) {
      throw new InvalidArgumentException(
          "The passed path's suffix '"
              + pathRawSuffix
              + "' must match the passed key's suffix '"
              + keyRawSuffix
              + "'.");
    }
  }
}
