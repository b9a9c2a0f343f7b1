package org.lamindb.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.LaminException;
import org.lamindb.NotFoundException;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.query.QuerySet;

/**
 * What a {@code lamindb} read selects in the registry: the members of a collection (version) and/or
 * the artifacts matching {@code artifacts} lookups. Everything here is registry SQL; no storage is
 * touched.
 */
final class Members {
  private Members() {}

  /** One selected artifact: what planning needs, without the entity. */
  record Entry(
      String uid, String key, String path, long size, String suffix, String hash, boolean folder)
      implements Serializable {}

  /**
   * @return the collection named by the {@code collection} (key or uid) and {@code version}
   *     options, or null without a {@code collection} option
   */
  static Collection collection(LaminDB ln, Map<String, String> options) {
    String ref = Options.get(options, "collection");
    if (ref == null) {
      return null;
    }
    String version = Options.get(options, "version");
    Collection c = find(ln, ref.trim());
    if (version == null) {
      return c; // the latest version, or exactly the version a full uid names
    }
    for (Collection v : c.versions()) {
      if (version.equals(v.version()) || v.uid().endsWith(version)) {
        return v;
      }
    }
    List<String> known = new ArrayList<>();
    for (Collection v : c.versions()) {
      known.add(v.version());
    }
    throw new NotFoundException(
        "collection '" + ref + "' has no version '" + version + "'; versions: " + known);
  }

  private static Collection find(LaminDB ln, String ref) {
    var byUid = ln.collections().filter("uid", ref).first();
    if (byUid.isPresent()) {
      return byUid.get();
    }
    if (ref.length() == 16 && ref.matches("[A-Za-z0-9]+")) {
      var byStem =
          ln.collections().filter("uid__startswith", ref).filter("is_latest", true).first();
      if (byStem.isPresent()) {
        return byStem.get();
      }
    }
    return ln.collections()
        .filter("key", ref)
        .filter("is_latest", true)
        .first()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no collection with key or uid '"
                        + ref
                        + "'; list them with ln.collections().toDataFrame()"));
  }

  /**
   * @return the query the options select: collection members, refined by the {@code artifacts}
   *     lookups ({@code ulabels__name=treated;size__gt=1000;gc_content__gt=0.5})
   */
  static QuerySet<Artifact> query(LaminDB ln, Collection collection, Map<String, String> options) {
    String lookups = Options.get(options, "artifacts");
    if (collection == null && lookups == null) {
      throw new InvalidArgumentException(
          "a lamindb read needs .option(\"collection\", \"key or uid\") or .option(\"artifacts\","
              + " \"<lookup>=<value>;...\")");
    }
    QuerySet<Artifact> qs = collection != null ? collection.artifacts() : ln.artifacts();
    if (lookups != null) {
      for (Map.Entry<String, String> e : parseLookups(lookups).entrySet()) {
        qs = filterText(qs, e.getKey(), e.getValue());
      }
    }
    return qs;
  }

  /** Parses {@code a=1;b__gt=2} into an ordered map. */
  static Map<String, String> parseLookups(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new InvalidArgumentException(
            "artifacts option: '"
                + part.trim()
                + "' is not <lookup>=<value>; e.g. \"ulabels__name=treated;size__gt=1000\"");
      }
      out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return out;
  }

  /** Adds a lookup given as text: core's text conversion, else number/boolean/list parsing. */
  static QuerySet<Artifact> filterText(QuerySet<Artifact> qs, String lookup, String text) {
    try {
      return qs.filterText(lookup, text);
    } catch (LaminException first) {
      try {
        return qs.filter(lookup, parseValue(lookup, text));
      } catch (LaminException second) {
        second.addSuppressed(first);
        throw second;
      }
    }
  }

  private static Object parseValue(String lookup, String text) {
    String l = lookup.toLowerCase(Locale.ROOT);
    if (l.endsWith("__in") || l.endsWith("__range")) {
      List<Object> out = new ArrayList<>();
      for (String p : text.split(",")) {
        out.add(scalar(p.trim()));
      }
      return out;
    }
    if (l.endsWith("__isnull")) {
      return Boolean.parseBoolean(text);
    }
    return scalar(text);
  }

  private static Object scalar(String t) {
    if (t.matches("-?\\d{1,18}")) {
      return Long.parseLong(t);
    }
    if (t.matches("-?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) {
      return Double.parseDouble(t);
    }
    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(t.toLowerCase(Locale.ROOT));
    }
    return t;
  }

  /** Lists the selected artifacts as entries (one query, plus the storage roots). */
  static List<Entry> entries(List<Artifact> artifacts) {
    List<Entry> out = new ArrayList<>(artifacts.size());
    for (Artifact a : artifacts) {
      out.add(
          new Entry(
              a.uid(),
              a.key(),
              a.path(),
              a.size() == null ? -1L : a.size(),
              a.suffix() == null ? "" : a.suffix(),
              a.hash(),
              a.nFiles() != null));
    }
    return out;
  }
}
