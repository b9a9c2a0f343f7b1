package org.lamindb.internal.formats;

import java.util.Locale;

/** Small helpers on canonical suffixes ({@code .csv.gz} and friends). */
final class Suffixes {
  private Suffixes() {}

  /** Lower-cases a suffix and treats null as empty. */
  static String normalize(String suffix) {
    return suffix == null ? "" : suffix.toLowerCase(Locale.ROOT);
  }

  /** True for gzip-compressed suffixes ({@code .gz}, and BGZF's {@code .bgz}). */
  static boolean isGzip(String suffix) {
    String s = normalize(suffix);
    return s.endsWith(".gz") || s.endsWith(".bgz");
  }

  /** True for tar archives of one file ({@code .csv.tar.gz}, {@code .tsv.tar}). */
  static boolean isTar(String suffix) {
    String s = normalize(suffix);
    return s.endsWith(".tar") || s.endsWith(".tar.gz");
  }

  /** Strips a trailing {@code .gz}/{@code .bgz}. */
  static String withoutCompression(String suffix) {
    String s = normalize(suffix);
    if (s.endsWith(".gz")) {
      return s.substring(0, s.length() - 3);
    }
    if (s.endsWith(".bgz")) {
      return s.substring(0, s.length() - 4);
    }
    return s;
  }
}
