package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A schema (lamindb_schema): a set of features or identifiers that datasets are validated against.
 */
public final class Schema extends SQLRecord<Schema> {

  // ---- typed fields for filters: ln.schemas().filter(Schema.ID...) (query engine) ----

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
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Schema(LaminDB ln) {
    super(ln, CoreRegistries.SCHEMA);
  }

  /**
   * @return name
   */
  public String name() {
    return str("name");
  }

  /** Sets name. */
  public Schema name(String value) {
    return set("name", value);
  }

  /**
   * @return description
   */
  public String description() {
    return str("description");
  }

  /** Sets description. */
  public Schema description(String value) {
    return set("description", value);
  }

  /**
   * @return itype
   */
  public String itype() {
    return str("itype");
  }

  /** Sets itype. */
  public Schema itype(String value) {
    return set("itype", value);
  }

  /**
   * @return otype
   */
  public String otype() {
    return str("otype");
  }

  /** Sets otype. */
  public Schema otype(String value) {
    return set("otype", value);
  }

  /**
   * @return hash
   */
  public String hash() {
    return str("hash");
  }

  /**
   * @return n_members
   */
  public Long nMembers() {
    return lng("n_members");
  }

  /**
   * @return is_type
   */
  public Boolean isType() {
    return bool("is_type");
  }

  /** Sets is_type. */
  public Schema isType(Boolean value) {
    return set("is_type", value);
  }

  /**
   * @return created_at
   */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }

  // ---- features & labels ----

  /**
   * @return the member features in order
   */
  public java.util.List<Feature> members() {
    if (!isSaved()) {
      return java.util.List.of();
    }
    return org.lamindb.internal.features.Schemas.members(instance(), id());
  }
}
