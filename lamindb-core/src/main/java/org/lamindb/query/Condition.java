package org.lamindb.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A filter condition: a lookup with its value ({@code Condition.of("size__gt", 1_000_000L)}), built
 * more safely with typed fields ({@code Artifact.SIZE.gt(1_000_000L)}), and combined with {@link
 * #and}, {@link #or} and {@link #not}. Conditions are immutable values; the query engine validates
 * them against the registry when they are used.
 *
 * <pre>{@code
 * Condition big = Artifact.SIZE.gt(1_000_000L);
 * Condition raw = Artifact.KEY.startsWith("raw/");
 * ln.artifacts().filter(big.and(raw.not())).list();
 * }</pre>
 */
public final class Condition {
  /** The shape of a condition node. */
  public enum Kind {
    /** One lookup with a value. */
    LOOKUP,
    /** All children hold. */
    AND,
    /** At least one child holds. */
    OR,
    /** The single child does not hold. */
    NOT
  }

  private final Kind kind;
  private final String lookup;
  private final Object value;
  private final List<Condition> children;

  private Condition(Kind kind, String lookup, Object value, List<Condition> children) {
    this.kind = kind;
    this.lookup = lookup;
    this.value = value;
    this.children = children;
  }

  /**
   * @param lookup a lookup string such as {@code key}, {@code size__gt} or {@code
   *     ulabels__name__icontains}
   * @param value the value to compare with (an entity for relations; a collection for {@code __in})
   * @return the condition
   */
  public static Condition of(String lookup, Object value) {
    Objects.requireNonNull(lookup, "lookup");
    return new Condition(Kind.LOOKUP, lookup, value, List.of());
  }

  /**
   * @return the conjunction of one condition per map entry (an empty map matches everything)
   */
  public static Condition of(Map<String, ?> lookups) {
    List<Condition> c = new ArrayList<>();
    for (Map.Entry<String, ?> e : lookups.entrySet()) {
      c.add(of(e.getKey(), e.getValue()));
    }
    return allOf(c);
  }

  /**
   * @return a condition that holds when all {@code conditions} hold
   */
  public static Condition allOf(List<Condition> conditions) {
    return new Condition(Kind.AND, null, null, List.copyOf(conditions));
  }

  /**
   * @return a condition that holds when any of {@code conditions} holds (none: matches nothing)
   */
  public static Condition anyOf(List<Condition> conditions) {
    return new Condition(Kind.OR, null, null, List.copyOf(conditions));
  }

  /**
   * @return this AND {@code other}
   */
  public Condition and(Condition other) {
    return allOf(List.of(this, other));
  }

  /**
   * @return this OR {@code other}
   */
  public Condition or(Condition other) {
    return anyOf(List.of(this, other));
  }

  /**
   * @return the negation of this condition (missing values count as "not matching")
   */
  public Condition not() {
    return new Condition(Kind.NOT, null, null, List.of(this));
  }

  /**
   * @return the node kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return the lookup string of a {@link Kind#LOOKUP} node, else null
   */
  public String lookup() {
    return lookup;
  }

  /**
   * @return the value of a {@link Kind#LOOKUP} node
   */
  public Object value() {
    return value;
  }

  /**
   * @return the children of AND, OR and NOT nodes
   */
  public List<Condition> children() {
    return Collections.unmodifiableList(children);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case LOOKUP ->
          lookup + "=" + (value instanceof String s ? "'" + s + "'" : String.valueOf(value));
      case NOT -> "NOT(" + children.get(0) + ")";
      default -> {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < children.size(); i++) {
          if (i > 0) {
            b.append(kind == Kind.AND ? " AND " : " OR ");
          }
          b.append(children.get(i));
        }
        yield b.append(')').toString();
      }
    };
  }
}
