package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A feature (lamindb_feature): a named, typed dimension that artifacts, runs and records are annotated with, e.g.
 * {@code ln.feature("gc_content", Dtype.FLOAT).save()}.
 */
public final class Feature extends SQLRecord<Feature> {

  /**
   * Creates an empty, unsaved entity; use the factories of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Feature(LaminDB ln) {
    super(ln, CoreRegistries.FEATURE);
  }

  /** @return the name */
  public String name() {
    return str("name");
  }

  /** Sets the name. */
  public Feature name(String value) {
    return set("name", value);
  }

  /** @return the serialized dtype, e.g. {@code float}, {@code cat[ULabel]} */
  public String dtypeString() {
    return str("_dtype_str");
  }

  /** Sets the serialized dtype. */
  public Feature dtypeString(String value) {
    return set("_dtype_str", value);
  }

  /** @return the unit, or null */
  public String unit() {
    return str("unit");
  }

  /** Sets the unit. */
  public Feature unit(String value) {
    return set("unit", value);
  }

  /** @return the description */
  public String description() {
    return str("description");
  }

  /** Sets the description. */
  public Feature description(String value) {
    return set("description", value);
  }

  /** @return whether values are coerced to the dtype (e.g. date strings), null when unset */
  public Boolean coerce() {
    return bool("coerce");
  }

  /** Sets whether values are coerced to the dtype. */
  public Feature coerce(boolean value) {
    return set("coerce", value);
  }

  /** @return whether nulls are allowed */
  public Boolean nullable() {
    return bool("nullable");
  }

  /** Sets whether nulls are allowed. */
  public Feature nullable(boolean value) {
    return set("nullable", value);
  }

  /** @return true when this feature is a type grouping other features */
  public boolean isType() {
    return Boolean.TRUE.equals(bool("is_type"));
  }

  /** Marks this feature as a type. */
  public Feature isType(boolean value) {
    return set("is_type", value);
  }

  /** @return the type feature, or null */
  public Feature type() {
    return related("type", Feature.class);
  }

  /** Sets the type feature. */
  public Feature type(Feature type) {
    return relate("type", type);
  }
}
