package org.lamindb.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A typed field of a registry for compile-time checked filters, e.g. {@code
 * Artifact.SIZE.gt(1_000_000L)}. The value type {@code T} is the field's Java type ({@link Long}
 * for integers, {@link String} for text, {@link java.time.OffsetDateTime} for timestamps ...). Text
 * fields are {@link TextField}s with the string lookups.
 *
 * @param <T> Java type of the field's values
 */
public class Field<T> {
  private final String name;
  private final Class<T> type;

  /**
   * @param name the field name or a lookup path ({@code created_by__handle})
   * @param type its Java value type
   */
  protected Field(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * @return a typed field named {@code name} with values of {@code type}
   */
  public static <T> Field<T> of(String name, Class<T> type) {
    return new Field<>(name, type);
  }

  /**
   * @return a text field named {@code name}
   */
  public static TextField text(String name) {
    return new TextField(name);
  }

  /**
   * @return the field name (or path) used in lookups
   */
  public String name() {
    return name;
  }

  /**
   * @return the Java type of values
   */
  public Class<T> type() {
    return type;
  }

  /**
   * @return {@code field == value} ({@code null}: IS NULL)
   */
  public Condition eq(T value) {
    return Condition.of(name, value);
  }

  /**
   * @return {@code field != value}; rows where the field is missing also match
   */
  public Condition ne(T value) {
    return eq(value).not();
  }

  /**
   * @return the field equals one of {@code values}
   */
  public Condition in(Collection<? extends T> values) {
    return Condition.of(name + "__in", List.copyOf(values));
  }

  /**
   * @return the field equals one of {@code values}
   */
  @SafeVarargs
  public final Condition in(T... values) {
    return in(Arrays.asList(values));
  }

  /**
   * @return {@code field > value}
   */
  public Condition gt(T value) {
    return Condition.of(name + "__gt", value);
  }

  /**
   * @return {@code field >= value}
   */
  public Condition gte(T value) {
    return Condition.of(name + "__gte", value);
  }

  /**
   * @return {@code field < value}
   */
  public Condition lt(T value) {
    return Condition.of(name + "__lt", value);
  }

  /**
   * @return {@code field <= value}
   */
  public Condition lte(T value) {
    return Condition.of(name + "__lte", value);
  }

  /**
   * @return {@code low <= field <= high}
   */
  public Condition between(T low, T high) {
    return Condition.of(name + "__range", Arrays.asList(low, high));
  }

  /**
   * @return the field has no value
   */
  public Condition isNull() {
    return Condition.of(name + "__isnull", true);
  }

  /**
   * @return the field has a value
   */
  public Condition isNotNull() {
    return Condition.of(name + "__isnull", false);
  }

  /**
   * @return ascending order on this field, for {@link QuerySet#orderBy(String...)}
   */
  public String asc() {
    return name;
  }

  /**
   * @return descending order on this field, for {@link QuerySet#orderBy(String...)}
   */
  public String desc() {
    return "-" + name;
  }

  @Override
  public String toString() {
    return name;
  }
}
