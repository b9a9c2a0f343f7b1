package org.lamindb.bionty;

import java.util.Locale;

/**
 * A synonym of an ontology term with its OBO scope. Only {@link Scope#EXACT} synonyms become a
 * record's {@code synonyms}, as in LaminDB's bionty.
 *
 * @param text the synonym
 * @param scope how close the synonym is to the term
 */
public record Synonym(String text, Scope scope) {

  /** OBO synonym scopes. */
  public enum Scope {
    /** Same meaning as the term name. */
    EXACT,
    /** Related meaning. */
    RELATED,
    /** Broader meaning. */
    BROAD,
    /** Narrower meaning. */
    NARROW;

    /**
     * @param token the scope word as written in an OBO file, e.g. {@code EXACT}
     * @return the scope, or null when the token is not a scope
     */
    public static Scope parse(String token) {
      return switch (token.toUpperCase(Locale.ROOT)) {
        case "EXACT" -> EXACT;
        case "RELATED" -> RELATED;
        case "BROAD" -> BROAD;
        case "NARROW" -> NARROW;
        default -> null;
      };
    }
  }

  /**
   * @return an exact synonym
   */
  public static Synonym exact(String text) {
    return new Synonym(text, Scope.EXACT);
  }
}
