package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A feature (lamindb_feature): a named, typed dimension that artifacts, runs and records are
 * annotated with, e.g. {@code ln.feature("gc_content", Dtype.FLOAT).save()}.
 */
public final class Feature extends SQLRecord<Feature> {

  // ---- typed fields for filters: ln.features().filter(Feature.ID...) (query engine) ----

  /** Typed field {@code id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> ID =
      org.lamindb.query.Field.of("id", Long.class);

  /** Typed field {@code uid} for filters and ordering. */
  public static final org.lamindb.query.TextField UID = org.lamindb.query.Field.text("uid");

  /** Typed field {@code name} for filters and ordering. */
  public static final org.lamindb.query.TextField NAME = org.lamindb.query.Field.text("name");

  /** Typed field {@code description} for filters and ordering. */
  public static final org.lamindb.query.TextField DESCRIPTION =
      org.lamindb.query.Field.text("description");

  /** Typed field {@code is_type} for filters and ordering. */
  public static final org.lamindb.query.Field<Boolean> IS_TYPE =
      org.lamindb.query.Field.of("is_type", Boolean.class);

  /** Typed field {@code created_at} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.OffsetDateTime> CREATED_AT =
      org.lamindb.query.Field.of("created_at", java.time.OffsetDateTime.class);

  /** Typed field {@code updated_at} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.OffsetDateTime> UPDATED_AT =
      org.lamindb.query.Field.of("updated_at", java.time.OffsetDateTime.class);

  /** Typed field {@code branch_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> BRANCH_ID =
      org.lamindb.query.Field.of("branch_id", Long.class);

  /** Typed field {@code created_by_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> CREATED_BY_ID =
      org.lamindb.query.Field.of("created_by_id", Long.class);

  /**
   * Creates an empty, unsaved entity; use the factories of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Feature(LaminDB ln) {
    super(ln, CoreRegistries.FEATURE);
  }

  /**
   * @return the name
   */
  public String name() {
    return str("name");
  }

  /** Sets the name. */
  public Feature name(String value) {
    return set("name", value);
  }

  /**
   * @return the serialized dtype, e.g. {@code float}, {@code cat[ULabel]}
   */
  public String dtypeString() {
    return str("_dtype_str");
  }

  /** Sets the serialized dtype. */
  public Feature dtypeString(String value) {
    return set("_dtype_str", value);
  }

  /**
   * @return the unit, or null
   */
  public String unit() {
    return str("unit");
  }

  /** Sets the unit. */
  public Feature unit(String value) {
    return set("unit", value);
  }

  /**
   * @return the description
   */
  public String description() {
    return str("description");
  }

  /** Sets the description. */
  public Feature description(String value) {
    return set("description", value);
  }

  /**
   * @return the synonyms ({@code |}-separated column {@code synonyms}), possibly empty; {@code
   *     ln.features().standardize(...)} maps them to this feature's name
   */
  public java.util.List<String> synonyms() {
    String s = str("synonyms");
    return s == null || s.isEmpty() ? java.util.List.of() : java.util.List.of(s.split("\\|"));
  }

  /**
   * Sets the synonyms, e.g. {@code ln.feature("gc_content", Dtype.FLOAT).synonyms(List.of("gc", "GC
   * fraction")).save()}.
   *
   * @param synonyms alternative names; none may contain {@code |}
   * @return this feature
   * @throws org.lamindb.InvalidArgumentException when a synonym contains {@code |}
   */
  public Feature synonyms(java.util.List<String> synonyms) {
    for (String s : synonyms) {
      if (s.contains("|")) {
        throw new org.lamindb.InvalidArgumentException(
            "a synonym must not contain '|': '" + s + "'; pass each synonym separately");
      }
    }
    return set("synonyms", synonyms.isEmpty() ? null : String.join("|", synonyms));
  }

  /**
   * @return whether values are coerced to the dtype (e.g. date strings), null when unset
   */
  public Boolean coerce() {
    return bool("coerce");
  }

  /** Sets whether values are coerced to the dtype. */
  public Feature coerce(boolean value) {
    return set("coerce", value);
  }

  /**
   * @return whether nulls are allowed
   */
  public Boolean nullable() {
    return bool("nullable");
  }

  /** Sets whether nulls are allowed. */
  public Feature nullable(boolean value) {
    return set("nullable", value);
  }

  /**
   * @return true when this feature is a type grouping other features
   */
  public boolean isType() {
    return Boolean.TRUE.equals(bool("is_type"));
  }

  /** Marks this feature as a type. */
  public Feature isType(boolean value) {
    return set("is_type", value);
  }

  /**
   * @return the type feature, or null
   */
  public Feature type() {
    return related("type", Feature.class);
  }

  /** Sets the type feature. */
  public Feature type(Feature type) {
    return relate("type", type);
  }

  // ---- features & labels ----

  /**
   * @return the dtype, parsed from {@link #dtypeString()}; null for feature types
   */
  public Dtype dtype() {
    String s = dtypeString();
    return s == null ? null : Dtype.parse(s);
  }

  // ---- schema membership ----

  private boolean optionalMember;

  /**
   * A view of this feature marked as an optional schema member (LaminDB's {@code
   * feature.with_config(optional=True)}): {@code ln.schema("s").features(a, b.optional())} makes
   * {@code b} a member that may be absent from a dataset. The feature itself is not changed.
   *
   * @return a copy of this saved feature flagged optional
   * @throws org.lamindb.InvalidArgumentException when the feature is not saved
   */
  public Feature optional() {
    if (!isSaved()) {
      throw new org.lamindb.InvalidArgumentException(
          "feature '" + name() + "' is not saved; save it before marking it optional");
    }
    Feature f = new Feature(ln());
    org.lamindb.internal.core.Access.values(f).putAll(values());
    f.optionalMember = true;
    return f;
  }

  /**
   * @return true for a view from {@link #optional()}
   */
  public boolean isOptional() {
    return optionalMember;
  }
}
