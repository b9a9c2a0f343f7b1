package org.lamindb.query;

/**
 * A typed text field with the string lookups: {@code Artifact.KEY.startsWith("raw/")}. Wildcards
 * {@code %} and {@code _} in values match literally.
 */
public final class TextField extends Field<String> {

  /**
   * @param name the field name or lookup path
   */
  TextField(String name) {
    super(name, String.class);
  }

  /**
   * @return case-insensitive equality
   */
  public Condition iexact(String value) {
    return Condition.of(name() + "__iexact", value);
  }

  /**
   * @return the text contains {@code value} (case-sensitive)
   */
  public Condition contains(String value) {
    return Condition.of(name() + "__contains", value);
  }

  /**
   * @return the text contains {@code value} ignoring case
   */
  public Condition icontains(String value) {
    return Condition.of(name() + "__icontains", value);
  }

  /**
   * @return the text starts with {@code value} (case-sensitive)
   */
  public Condition startsWith(String value) {
    return Condition.of(name() + "__startswith", value);
  }

  /**
   * @return the text starts with {@code value} ignoring case
   */
  public Condition istartsWith(String value) {
    return Condition.of(name() + "__istartswith", value);
  }

  /**
   * @return the text ends with {@code value} (case-sensitive)
   */
  public Condition endsWith(String value) {
    return Condition.of(name() + "__endswith", value);
  }

  /**
   * @return the text ends with {@code value} ignoring case
   */
  public Condition iendsWith(String value) {
    return Condition.of(name() + "__iendswith", value);
  }

  /**
   * @return the Java regular expression {@code regex} is found in the text
   */
  public Condition regex(String regex) {
    return Condition.of(name() + "__regex", regex);
  }
}
