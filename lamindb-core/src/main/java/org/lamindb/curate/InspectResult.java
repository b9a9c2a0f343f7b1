package org.lamindb.curate;

import java.util.List;
import java.util.Map;

/**
 * What {@code inspect} found for a list of values, as LaminDB's {@code InspectResult}: returned by
 * {@link org.lamindb.query.QuerySet#inspect(List)} for any registry and by the bionty registries.
 *
 * <pre>{@code
 * InspectResult r = ln.ulabels().inspect(List.of("DMSO", "dmso", "unicorn"));
 * r.validated();       // [DMSO]
 * r.nonValidated();    // [dmso, unicorn]
 * r.synonymsMapper();  // {dmso=DMSO}
 *
 * InspectResult c = bt.cellTypes().inspect(List.of("T cell", "t cell", "T-cell", "unicorn"), "name");
 * c.synonymsMapper();  // {t cell=T cell, T-cell=T cell}
 * }</pre>
 *
 * @param validated unique validated values, in input order
 * @param nonValidated unique values that did not validate, in input order
 * @param synonymsMapper non-validated values that a case-insensitive or synonym match maps to a
 *     standard name
 * @param nEmpty number of input values ignored because they were empty or repeated
 * @param nUnique number of unique non-empty input values
 * @param messages the report lines LaminDB logs for this result
 */
public record InspectResult(
    List<String> validated,
    List<String> nonValidated,
    Map<String, String> synonymsMapper,
    int nEmpty,
    int nUnique,
    List<String> messages) {

  /** Copies the collections so that a result never changes. */
  public InspectResult {
    validated = List.copyOf(validated);
    nonValidated = List.copyOf(nonValidated);
    synonymsMapper =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(synonymsMapper));
    messages = List.copyOf(messages);
  }

  /**
   * @return fraction of unique values that validated (0 for empty input)
   */
  public double fracValidated() {
    return nUnique == 0 ? 0 : (double) validated.size() / nUnique;
  }

  /**
   * @return true when every unique value validated
   */
  public boolean allValidated() {
    return nonValidated.isEmpty();
  }
}
