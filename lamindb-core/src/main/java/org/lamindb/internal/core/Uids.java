package org.lamindb.internal.core;

import java.security.SecureRandom;

/**
 * LaminDB's base62 uids (spec §2.1–2.2): random characters from a CSPRNG, version suffixes in
 * base62.
 */
public final class Uids {
  /** The base62 alphabet in LaminDB's order: digits, upper case, lower case. */
  public static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Uids() {}

  /**
   * @return {@code n} random base62 characters
   */
  public static String random(int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = BASE62.charAt(RANDOM.nextInt(62));
    }
    return new String(c);
  }

  /**
   * @return a uid for a new version family: random stem + {@code 0000}
   */
  public static String newFamily(int uidLength) {
    return random(uidLength - 4) + "0000";
  }

  /**
   * @return the base62 value of a suffix
   */
  public static long decode(String s) {
    long v = 0;
    for (char ch : s.toCharArray()) {
      int d = BASE62.indexOf(ch);
      if (d < 0) {
        throw new IllegalArgumentException("not base62: " + s);
      }
      v = v * 62 + d;
    }
    return v;
  }

  /**
   * @return {@code v} in base62, left-padded with 0 to at least {@code width} characters
   */
  public static String encode(long v, int width) {
    StringBuilder s = new StringBuilder();
    do {
      s.append(BASE62.charAt((int) (v % 62)));
      v /= 62;
    } while (v > 0);
    while (s.length() < width) {
      s.append('0');
    }
    return s.reverse().toString();
  }

  /**
   * @return the suffix after {@code suffix}: {@code 000Z} → {@code 000a}, {@code 000z} → {@code
   *     0010}
   */
  public static String increment(String suffix) {
    return encode(decode(suffix) + 1, 4);
  }

  /**
   * @return true when {@code s} is non-empty and only base62 characters
   */
  public static boolean isBase62(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (char ch : s.toCharArray()) {
      if (BASE62.indexOf(ch) < 0) {
        return false;
      }
    }
    return true;
  }
}
