package org.lamindb.spark;

import java.util.Locale;
import java.util.Map;

/** Case-insensitive access to data source options (Spark passes them with any casing). */
final class Options {
  private Options() {}

  static String get(Map<String, String> options, String key) {
    if (options == null) {
      return null;
    }
    String v = options.get(key);
    if (v != null) {
      return v;
    }
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
        return e.getValue();
      }
    }
    return null;
  }

  static boolean flag(Map<String, String> options, String key, boolean dflt) {
    String v = get(options, key);
    return v == null ? dflt : Boolean.parseBoolean(v.trim());
  }
}
