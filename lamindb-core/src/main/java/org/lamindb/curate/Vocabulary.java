package org.lamindb.curate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Storage-independent matching of values against one field of a collection of records (a registry's
 * rows or a public ontology): validate, inspect and standardize with LaminDB's rules.
 *
 * <ul>
 *   <li>validate: exact, case-sensitive membership;
 *   <li>standardize: (1) exact match kept, (2) unless case-sensitive, a case-insensitive match on
 *       the field (first occurrence) gives the canonical spelling, (3) a match against a {@code
 *       |}-separated synonym (lower-cased unless case-sensitive) gives that record's value;
 *       synonyms equal to the record's own value are ignored;
 *   <li>inspect: validate, then for non-validated values the case-insensitive/synonym mapping as
 *       hints.
 * </ul>
 */
public final class Vocabulary {
  /** Which record wins when a synonym belongs to several records. */
  public enum Keep {
    /** The first record in collection order. */
    FIRST,
    /** The last record in collection order. */
    LAST
  }

  private final List<String> values;
  private final List<String> synonyms;
  private final Map<String, Integer> exact;
  private volatile Map<String, Integer> lowerFirst;
  private volatile Map<String, int[]> synonymIndexCs;
  private volatile Map<String, int[]> synonymIndexCi;

  private Vocabulary(List<String> values, List<String> synonyms) {
    this.values = values;
    this.synonyms = synonyms;
    this.exact = new HashMap<>(values.size() * 2);
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v != null) {
        exact.putIfAbsent(v, i);
      }
    }
  }

  /**
   * @param fieldValues the field's value per record (nulls allowed)
   * @param synonyms the {@code |}-separated synonyms per record (same order), or null when the
   *     field has none
   * @return a vocabulary over those records
   */
  public static Vocabulary of(List<String> fieldValues, List<String> synonyms) {
    if (synonyms != null && synonyms.size() != fieldValues.size()) {
      throw new IllegalArgumentException("synonyms must have one entry per field value");
    }
    return new Vocabulary(
        nonNullCopy(fieldValues), synonyms == null ? null : nonNullCopy(synonyms));
  }

  private static List<String> nonNullCopy(List<String> in) {
    return java.util.Collections.unmodifiableList(new ArrayList<>(in));
  }

  /**
   * @return number of records
   */
  public int size() {
    return values.size();
  }

  /**
   * @return true when {@code value} equals a record's field value exactly
   */
  public boolean contains(String value) {
    return value != null && exact.containsKey(value);
  }

  /**
   * @return one boolean per value: exact, case-sensitive membership
   */
  public boolean[] validate(List<String> input) {
    boolean[] out = new boolean[input.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = contains(input.get(i));
    }
    return out;
  }

  /**
   * Finds the record a value stands for.
   *
   * @param value the input value
   * @param caseSensitive when false, case-insensitive field and synonym matches count
   * @param useSynonyms whether to consult the synonyms
   * @param keep which record wins among several with the same synonym
   * @return the record's index, or -1
   */
  public int indexOf(String value, boolean caseSensitive, boolean useSynonyms, Keep keep) {
    if (value == null) {
      return -1;
    }
    Integer i = exact.get(value);
    if (i != null) {
      return i;
    }
    String key = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
    if (!caseSensitive) {
      i = lowerIndex().get(key);
      if (i != null) {
        return i;
      }
    }
    if (useSynonyms && synonyms != null) {
      int[] hits = synonymIndex(caseSensitive).get(key);
      if (hits != null) {
        return keep == Keep.LAST ? hits[hits.length - 1] : hits[0];
      }
    }
    return -1;
  }

  /**
   * Standardizes values: each mapped value becomes the record's field value (or {@code
   * returnValues} entry).
   *
   * @param input values to standardize
   * @param caseSensitive see {@link #indexOf}
   * @param keep see {@link #indexOf}
   * @param returnValues values to return per record instead of the field value, or null
   * @return a list of the same length; unmapped values are returned unchanged
   */
  public List<String> standardize(
      List<String> input, boolean caseSensitive, Keep keep, List<String> returnValues) {
    List<String> out = new ArrayList<>(input.size());
    for (String v : input) {
      int i = indexOf(v, caseSensitive, true, keep);
      out.add(i < 0 ? v : (returnValues == null ? values.get(i) : returnValues.get(i)));
    }
    return out;
  }

  /**
   * @return only the changed entries of {@link #standardize}, input order
   */
  public Map<String, String> standardizeMapper(
      List<String> input, boolean caseSensitive, Keep keep, List<String> returnValues) {
    Map<String, String> map = new LinkedHashMap<>();
    List<String> std = standardize(input, caseSensitive, keep, returnValues);
    for (int i = 0; i < input.size(); i++) {
      String in = input.get(i);
      if (in != null && !in.equals(std.get(i))) {
        map.putIfAbsent(in, std.get(i));
      }
    }
    return map;
  }

  /**
   * Inspects values: exact validation, then synonym/casing hints for the rest.
   *
   * @param input the values
   * @param field the field name used in messages, e.g. {@code name}
   * @param useSynonyms whether hints may come from synonyms (only for a registry's name field)
   * @return the result with LaminDB-style messages
   */
  public InspectResult inspect(List<String> input, String field, boolean useSynonyms) {
    Set<String> unique = new LinkedHashSet<>();
    for (String v : input) {
      if (v != null && !v.isEmpty()) {
        unique.add(v);
      }
    }
    List<String> validated = new ArrayList<>();
    List<String> nonValidated = new ArrayList<>();
    for (String v : unique) {
      (contains(v) ? validated : nonValidated).add(v);
    }
    Map<String, String> mapper = new LinkedHashMap<>();
    boolean casing = false;
    boolean synonym = false;
    if (useSynonyms) {
      for (String v : nonValidated) {
        int i = indexOf(v, false, true, Keep.FIRST);
        if (i >= 0) {
          mapper.put(v, values.get(i));
          if (values.get(i).equalsIgnoreCase(v)) {
            casing = true;
          } else {
            synonym = true;
          }
        }
      }
    }
    int nEmpty = input.size() - unique.size();
    List<String> messages =
        new ArrayList<>(
            Reports.validationLines(
                input.size(), unique.size(), nEmpty, validated, nonValidated, field));
    if (!mapper.isEmpty()) {
      String kind =
          casing && synonym
              ? "inconsistent casing/synonyms"
              : casing ? "inconsistent casing" : "synonyms";
      messages.add(
          "   detected "
              + mapper.size()
              + " unique terms with "
              + kind
              + ": "
              + Reports.list(new ArrayList<>(mapper.keySet()), false));
      messages.add("→  standardize terms via .standardize()");
    }
    return new InspectResult(validated, nonValidated, mapper, nEmpty, unique.size(), messages);
  }

  private Map<String, Integer> lowerIndex() {
    if (lowerFirst == null) {
      Map<String, Integer> m = new HashMap<>(values.size() * 2);
      for (int i = 0; i < values.size(); i++) {
        String v = values.get(i);
        if (v != null) {
          m.putIfAbsent(v.toLowerCase(Locale.ROOT), i);
        }
      }
      lowerFirst = m;
    }
    return lowerFirst;
  }

  private Map<String, int[]> synonymIndex(boolean caseSensitive) {
    Map<String, int[]> cached = caseSensitive ? synonymIndexCs : synonymIndexCi;
    if (cached != null) {
      return cached;
    }
    Map<String, List<Integer>> m = new HashMap<>();
    for (int i = 0; i < synonyms.size(); i++) {
      String s = synonyms.get(i);
      if (s == null || s.isEmpty()) {
        continue;
      }
      String own = values.get(i);
      for (String part : s.split("\\|")) {
        String p = part.strip();
        if (p.isEmpty() || p.equals(own)) {
          continue;
        }
        String key = caseSensitive ? p : p.toLowerCase(Locale.ROOT);
        List<Integer> l = m.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (l.isEmpty() || l.get(l.size() - 1) != i) {
          l.add(i);
        }
      }
    }
    Map<String, int[]> out = new HashMap<>(m.size() * 2);
    m.forEach((k, l) -> out.put(k, l.stream().mapToInt(Integer::intValue).toArray()));
    if (caseSensitive) {
      synonymIndexCs = out;
    } else {
      synonymIndexCi = out;
    }
    return out;
  }
}
