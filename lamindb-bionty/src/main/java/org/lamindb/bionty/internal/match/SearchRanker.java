package org.lamindb.bionty.internal.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.lamindb.bionty.SearchHit;

/**
 * Ranks entries for a search string the way LaminDB does, summing per searched field: exact match
 * of the whole field 200, exact match of one {@code |}-separated synonym 200, the string as a whole
 * sub-phrase (bounded by start, end, space, {@code . , ; :} or {@code |}) 10, a synonym starting
 * with the string 8, a word starting with it 2, a word ending with it 2, plain containment 1. Only
 * entries containing the string in some field are returned, best first; ties keep collection order.
 */
public final class SearchRanker {
  private SearchRanker() {}

  /**
   * Lower-cased copies of the searched fields, computed once per collection so that repeated
   * case-insensitive searches do not lower-case every value again.
   *
   * @param names lower-cased names
   * @param synonyms lower-cased synonyms, or null
   * @param ontologyIds lower-cased ontology ids, or null
   */
  public record Lowered(List<String> names, List<String> synonyms, List<String> ontologyIds) {

    /**
     * @return lower-cased copies of the given fields
     */
    public static Lowered of(List<String> names, List<String> synonyms, List<String> ontologyIds) {
      return new Lowered(lower(names), lower(synonyms), lower(ontologyIds));
    }

    private static List<String> lower(List<String> in) {
      if (in == null) {
        return null;
      }
      List<String> out = new ArrayList<>(in.size());
      for (String v : in) {
        out.add(v == null ? null : v.toLowerCase(Locale.ROOT));
      }
      return java.util.Collections.unmodifiableList(out);
    }
  }

  /**
   * Case-insensitive search over pre-lowered fields; same ranks as {@link #search}.
   *
   * @return the hits, best first
   */
  public static List<SearchHit> search(
      String query, List<String> names, List<String> ontologyIds, Lowered lowered, int limit) {
    if (query == null) {
      throw new IllegalArgumentException("search string must not be null");
    }
    String q = query.toLowerCase(Locale.ROOT);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      // values are lower-cased already, so a case-sensitive comparison is the case-insensitive one
      int rank = rankField(q, lowered.names().get(i), true, false);
      if (lowered.synonyms() != null) {
        rank += rankField(q, lowered.synonyms().get(i), true, true);
      }
      if (lowered.ontologyIds() != null) {
        rank += rankField(q, lowered.ontologyIds().get(i), true, false);
      }
      if (rank > 0) {
        hits.add(
            new SearchHit(i, names.get(i), ontologyIds == null ? null : ontologyIds.get(i), rank));
      }
    }
    hits.sort(Comparator.comparingInt(SearchHit::rank).reversed());
    return limit > 0 && hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
  }

  /**
   * @param query the search string
   * @param names name per entry
   * @param synonyms {@code |}-separated synonyms per entry, or null
   * @param ontologyIds ontology id per entry, or null
   * @param limit maximum hits, or a non-positive number for all
   * @param caseSensitive whether matching respects case
   * @return the hits, best first
   */
  public static List<SearchHit> search(
      String query,
      List<String> names,
      List<String> synonyms,
      List<String> ontologyIds,
      int limit,
      boolean caseSensitive) {
    if (query == null) {
      throw new IllegalArgumentException("search string must not be null");
    }
    String q = caseSensitive ? query : query.toLowerCase(Locale.ROOT);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      int rank = rankField(q, names.get(i), caseSensitive, false);
      if (synonyms != null) {
        rank += rankField(q, synonyms.get(i), caseSensitive, true);
      }
      if (ontologyIds != null) {
        rank += rankField(q, ontologyIds.get(i), caseSensitive, false);
      }
      if (rank > 0) {
        hits.add(
            new SearchHit(i, names.get(i), ontologyIds == null ? null : ontologyIds.get(i), rank));
      }
    }
    hits.sort(Comparator.comparingInt(SearchHit::rank).reversed());
    return limit > 0 && hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
  }

  /**
   * @return the rank contribution of one field value (0 when it does not contain the query)
   */
  static int rankField(String q, String value, boolean caseSensitive, boolean isSynonyms) {
    if (value == null || q.isEmpty()) {
      return 0;
    }
    String v = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
    int at = v.indexOf(q);
    if (at < 0) {
      return 0;
    }
    int rank = 1;
    if (v.equals(q)) {
      rank += 200;
    }
    if (isSynonyms) {
      for (String part : v.split("\\|")) {
        String p = part.strip();
        if (p.equals(q)) {
          rank += 200;
        }
        if (p.startsWith(q)) {
          rank += 8;
        }
      }
    }
    boolean phrase = false;
    boolean wordStart = false;
    boolean wordEnd = false;
    for (int i = at; i >= 0; i = v.indexOf(q, i + 1)) {
      boolean startOk = i == 0 || isDelimiter(v.charAt(i - 1));
      int end = i + q.length();
      boolean endOk = end == v.length() || isDelimiter(v.charAt(end));
      phrase |= startOk && endOk;
      wordStart |= i == 0 || !Character.isLetterOrDigit(v.charAt(i - 1));
      wordEnd |= end == v.length() || !Character.isLetterOrDigit(v.charAt(end));
    }
    if (phrase) {
      rank += 10;
    }
    if (wordStart) {
      rank += 2;
    }
    if (wordEnd) {
      rank += 2;
    }
    return rank;
  }

  private static boolean isDelimiter(char c) {
    return c == ' ' || c == '.' || c == ',' || c == ';' || c == ':' || c == '|';
  }
}
