package org.lamindb.internal.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Nearest-name suggestions for error messages ("did you mean 'size'?"), by Levenshtein distance.
 */
public final class Suggest {
  private Suggest() {}

  /**
   * @return the edit distance between {@code a} and {@code b}
   */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * @return up to three names of {@code candidates} close to {@code wrong}, nearest first
   */
  public static List<String> nearest(String wrong, Collection<String> candidates) {
    String w = wrong.toLowerCase(Locale.ROOT);
    int max = Math.max(2, w.length() / 3);
    List<String> out = new ArrayList<>();
    for (String c : candidates) {
      String lc = c.toLowerCase(Locale.ROOT);
      if (distance(w, lc) <= max || (w.length() >= 3 && lc.contains(w))) {
        out.add(c);
      }
    }
    out.sort(
        Comparator.comparingInt((String c) -> distance(w, c.toLowerCase(Locale.ROOT)))
            .thenComparing(c -> c));
    return out.size() > 3 ? out.subList(0, 3) : out;
  }

  /**
   * @return {@code "; did you mean 'a' or 'b'?"}, or a list of all valid names when none is close
   */
  public static String hint(String wrong, Collection<String> candidates) {
    List<String> n = nearest(wrong, candidates);
    if (n.isEmpty()) {
      List<String> sorted = new ArrayList<>(candidates);
      sorted.sort(null);
      return "; valid names: " + String.join(", ", sorted);
    }
    StringBuilder b = new StringBuilder("; did you mean ");
    for (int i = 0; i < n.size(); i++) {
      if (i > 0) {
        b.append(i == n.size() - 1 ? " or " : ", ");
      }
      b.append('\'').append(n.get(i)).append('\'');
    }
    return b.append('?').toString();
  }
}
