package org.lamindb.internal.storage;

import org.lamindb.InvalidArgumentException;

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
public final class Keys {

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
   * Checks a key as a storage backend receives it: relative, no '.' or '..' segments, no empty
   * segments, no backslashes, no control characters. Keys below {@code .lamindb/} are allowed here.
   *
   * @param key the key
   * @return the key, unchanged
   * @throws InvalidArgumentException naming the broken rule
   */
  public static String validateStorageKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidArgumentException(
          "Invalid key '"
              + key
              + "': rule 'non-empty' — a key must name a path below the storage root.");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        throw invalid(
            key,
            "no-control-characters",
            String.format(
                "character U+%04X at index %d is a control character; remove it", (int) c, i));
      }
    }
    if (key.indexOf('\\') >= 0) {
      throw invalid(key, "no-backslashes", "use '/' to separate folders");
    }
    if (key.startsWith("/") || key.contains("://") || isDriveLetterPath(key)) {
      throw invalid(
          key,
          "no-absolute-paths",
          "a key is relative to the storage root; drop the leading '/' or scheme");
    }
    String[] segments = key.split("/", -1);
    for (String segment : segments) {
      if (segment.equals(".") || segment.equals("..")) {
        throw invalid(
            key,
            "no-dot-segments",
            "'" + segment + "' segments are not allowed; write the path out");
      }
    }
    for (String segment : segments) {
      if (segment.isEmpty()) {
        throw invalid(
            key,
            "no-empty-segments",
            "remove doubled '/' and any trailing '/' (folders need no trailing slash)");
      }
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

  private static boolean isDriveLetterPath(String key) {
    return key.length() >= 2
        && Character.isLetter(key.charAt(0))
        && key.charAt(0) < 0x80
        && key.charAt(1) == ':'
        && (key.length() == 2 || key.charAt(2) == '/');
  }

  private static InvalidArgumentException invalid(String key, String rule, String hint) {
    return new InvalidArgumentException(
        "Invalid key '" + printable(key) + "': rule '" + rule + "' — " + hint + ".");
  }

  private static String printable(String key) {
    StringBuilder sb = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
