package org.lamindb.storage;

import org.lamindb.InvalidArgumentException;

/**
 * The rules every storage key obeys (spec §4.2), for {@link StorageBackend} implementations: a key
 * is a relative, '/'-separated path below a storage root. Every broken rule raises an {@link
 * InvalidArgumentException} whose message names the rule and the key.
 *
 * <pre>{@code
 * StorageKeys.validateStorageKey(".lamindb/abc.csv");   // ok
 * StorageKeys.validateStorageKey("a//b");               // throws: rule 'no-empty-segments'
 * }</pre>
 */
public class StorageKeys {

  /** For subclasses that add rules; all members are static. */
  protected StorageKeys() {}

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

  private static boolean isDriveLetterPath(String key) {
    return key.length() >= 2
        && Character.isLetter(key.charAt(0))
        && key.charAt(0) < 0x80
        && key.charAt(1) == ':'
        && (key.length() == 2 || key.charAt(2) == '/');
  }

  /**
   * @return the error for a key that breaks {@code rule}, with {@code hint} saying what to do
   */
  protected static InvalidArgumentException invalid(String key, String rule, String hint) {
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
