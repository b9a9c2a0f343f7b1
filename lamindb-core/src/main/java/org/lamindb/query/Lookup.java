package org.lamindb.query;

import java.util.Locale;
import java.util.Optional;

/**
 * The comparison at the end of a lookup string, as in Django and LaminDB: {@code size__gt} compares
 * field {@code size} with {@link #GT}; a lookup without a suffix is {@link #EXACT}.
 */
public enum Lookup {
  /** Equality; {@code null} means IS NULL. */
  EXACT,
  /** Case-insensitive equality of text. */
  IEXACT,
  /** Membership in a collection or array of values. */
  IN,
  /** Greater than. */
  GT,
  /** Greater than or equal. */
  GTE,
  /** Less than. */
  LT,
  /** Less than or equal. */
  LTE,
  /** Inclusive range given as a two-element list or array {@code [low, high]}. */
  RANGE,
  /** Substring, case-sensitive; {@code %} and {@code _} match literally. */
  CONTAINS,
  /** Substring, case-insensitive. */
  ICONTAINS,
  /** Prefix, case-sensitive. */
  STARTSWITH,
  /** Prefix, case-insensitive. */
  ISTARTSWITH,
  /** Suffix, case-sensitive. */
  ENDSWITH,
  /** Suffix, case-insensitive. */
  IENDSWITH,
  /** {@code true}: the value is missing; {@code false}: it is present. */
  ISNULL,
  /** Java regular expression found anywhere in the text ({@code find} semantics). */
  REGEX;

  /**
   * @return the token used in lookup strings, e.g. {@code istartswith}
   */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @return the lookup whose token is {@code token}, if any
   */
  public static Optional<Lookup> fromToken(String token) {
    for (Lookup l : values()) {
      if (l.token().equals(token)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /**
   * @return true for lookups that compare text (contains, startswith, regex, ...)
   */
  public boolean isTextMatch() {
    return switch (this) {
      case IEXACT, CONTAINS, ICONTAINS, STARTSWITH, ISTARTSWITH, ENDSWITH, IENDSWITH, REGEX -> true;
      default -> false;
    };
  }

  /**
   * @return true for ordering comparisons (gt, gte, lt, lte, range)
   */
  public boolean isOrdering() {
    return this == GT || this == GTE || this == LT || this == LTE || this == RANGE;
  }
}
