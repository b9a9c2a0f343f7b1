package org.lamindb.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** LaminDB's wording for validation reports ({@code ✓}, {@code !}, {@code →} lines). */
final class Reports {
  private static final int SHOWN = 10;

  private Reports() {}

  /**
   * The lines {@code validate}/{@code inspect} log.
   *
   * @param nInput number of input values
   * @param nUnique unique non-empty values
   * @param nEmpty empty or repeated values
   * @param validated unique validated values
   * @param nonValidated unique non-validated values
   * @param field field name
   * @return report lines
   */
  static List<String> validationLines(
      int nInput,
      int nUnique,
      int nEmpty,
      List<String> validated,
      List<String> nonValidated,
      String field) {
    List<String> lines = new ArrayList<>();
    if (nInput == 0) {
      lines.add("! input has zero length");
      return lines;
    }
    if (nEmpty > 0) {
      lines.add(
          "! received "
              + nUnique
              + " unique terms, "
              + nEmpty
              + " empty/duplicated terms are ignored");
    }
    if (nUnique == 0) {
      return lines;
    }
    double nonPct = Math.round(nonValidated.size() * 1000.0 / nUnique) / 10.0;
    double pct = 100.0 - nonPct;
    if (!validated.isEmpty()) {
      lines.add(
          "✓ "
              + validated.size()
              + " unique term"
              + plural(validated.size())
              + " ("
              + pct(pct)
              + "%) "
              + (validated.size() == 1 ? "is" : "are")
              + " validated for "
              + field);
    }
    if (!nonValidated.isEmpty()) {
      lines.add(
          "! "
              + nonValidated.size()
              + " unique term"
              + plural(nonValidated.size())
              + " ("
              + pct(nonPct)
              + "%) "
              + (nonValidated.size() == 1 ? "is" : "are")
              + " not validated for "
              + field
              + ": "
              + list(nonValidated, true));
    }
    return lines;
  }

  /**
   * @return the first ten values, quoted or not, then {@code , ...} when there are more
   */
  static String list(List<String> values, boolean quote) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(SHOWN, values.size()); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(quote ? "'" + values.get(i) + "'" : values.get(i));
    }
    if (values.size() > SHOWN) {
      sb.append(", ...");
    }
    return sb.toString();
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }

  private static String pct(double p) {
    return String.format(Locale.ROOT, "%.2f", p);
  }
}
