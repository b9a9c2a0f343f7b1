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

  // ---- composition (LaminDB's Schema constructor, spec §8.1) ----

  private java.util.List<Feature> pendingFeatures;
  private Feature pendingIndex;
  private java.util.Map<String, Schema> pendingSlots;

  /**
   * Sets the member features in order, e.g. {@code ln.schema("sample").features(a,
   * b.optional()).save()}; optional members ({@link Feature#optional()}) may be absent from a
   * dataset.
   *
   * @param features saved features
   * @return this
   */
  public Schema features(Feature... features) {
    this.pendingFeatures = java.util.List.of(features);
    return this;
  }

  /**
   * Sets the index feature (prepended to the members, stored in {@code _aux.af["3"]}).
   *
   * @param feature a saved feature
   * @return this
   */
  public Schema index(Feature feature) {
    this.pendingIndex = feature;
    return this;
  }

  /**
   * Sets the slots of a composite schema, e.g. {@code Map.of("obs", obsSchema, "var.T", varSchema)}
   * for otype {@code AnnData}. Slot names follow LaminDB's grammar per otype: AnnData {@code obs},
   * {@code var}, {@code var.T}, {@code obsm:<key>}, {@code uns}; MuData {@code obs}, {@code
   * <modality>:obs}, {@code <modality>:var.T}; SpatialData {@code attrs}, {@code
   * tables:<table>:obs}, {@code tables:<table>:var.T}.
   *
   * @param slots saved component schemas by slot (iteration order is kept)
   * @return this
   */
  public Schema slots(java.util.Map<String, Schema> slots) {
    this.pendingSlots = new java.util.LinkedHashMap<>(slots);
    return this;
  }

  /**
   * @return the component schemas by slot (saved ones from the database, else the pending ones)
   */
  public java.util.Map<String, Schema> slots() {
    if (pendingSlots != null || !isSaved()) {
      return pendingSlots == null ? java.util.Map.of() : pendingSlots;
    }
    return org.lamindb.internal.features.Schemas.components(instance(), id());
  }

  /**
   * @return the index feature, or null
   */
  public Feature index() {
    if (pendingIndex != null || !isSaved()) {
      return pendingIndex;
    }
    return org.lamindb.internal.features.SchemaSaver.indexFeature(instance(), this);
  }

  /** Sets whether columns that match registered features are validated too. */
  public Schema flexible(boolean value) {
    return set("flexible", value);
  }

  /**
   * @return flexible, null when unset (then true iff the schema has no members)
   */
  public Boolean flexible() {
    return bool("flexible");
  }

  /** Sets whether all (non-optional) members must be present (default true). */
  public Schema minimalSet(boolean value) {
    return set("minimal_set", value);
  }

  /**
   * @return minimal_set, null when unset (default true)
   */
  public Boolean minimalSet() {
    return bool("minimal_set");
  }

  /** Sets whether only members (and {@code __lamindb_*} columns) may be present. */
  public Schema maximalSet(boolean value) {
    return set("maximal_set", value);
  }

  /**
   * @return maximal_set, null when unset (default false)
   */
  public Boolean maximalSet() {
    return bool("maximal_set");
  }

  /** Sets whether the members' order is part of the schema and checked. */
  public Schema orderedSet(boolean value) {
    return set("ordered_set", value);
  }

  /**
   * @return ordered_set, null when unset (default false)
   */
  public Boolean orderedSet() {
    return bool("ordered_set");
  }

  /** Sets whether values are coerced to the member dtypes. */
  public Schema coerce(boolean value) {
    return set("coerce", value);
  }

  /**
   * @return coerce, or null
   */
  public Boolean coerce() {
    return bool("coerce");
  }

  /**
   * Sets the common member dtype (LaminDB's {@code dtype}; default {@code num} unless itype is
   * {@code Feature}).
   */
  public Schema dtype(String value) {
    return set("_dtype_str", value);
  }

  /**
   * @return the common member dtype, or null
   */
  public String dtype() {
    return str("_dtype_str");
  }

  /** Sets the number of members of a member-less identifier schema. */
  public Schema nMembers(long value) {
    return set("n_members", value);
  }

  /** Sets the required artifact suffix (canonical, e.g. {@code .parquet}). */
  public Schema suffix(String value) {
    return set("suffix", value);
  }

  /**
   * @return the required suffix, or null
   */
  public String suffix() {
    return str("suffix");
  }

  /**
   * @return the schema type this schema belongs to, or null
   */
  public Schema type() {
    return related("type", Schema.class);
  }

  /**
   * Sets the schema type (a saved schema with {@code isType(true)}).
   *
   * @param type the type
   * @return this
   */
  public Schema type(Schema type) {
    if (type != null && !Boolean.TRUE.equals(type.isType())) {
      throw new org.lamindb.InvalidArgumentException(
          "You can only assign a Schema with isType(true) as type; '"
              + type.name()
              + "' is not a type");
    }
    return relate("type", type);
  }

  /**
   * Saves the schema (LaminDB's rules, spec §8.1–8.2): validates the definition, computes the hash,
   * returns (into this object) the existing schema with the same hash, else inserts it with its
   * members and slot components in one transaction. A saved schema without pending members or slots
   * is updated like any record.
   *
   * @return this schema, saved
   * @throws org.lamindb.InvalidArgumentException for an invalid definition (named)
   */
  @Override
  public Schema save() {
    if (isSaved() && pendingFeatures == null && pendingSlots == null && pendingIndex == null) {
      return super.save();
    }
    org.lamindb.internal.features.SchemaSaver.save(
        instance(), this, pendingFeatures, pendingIndex, pendingSlots);
    pendingFeatures = null;
    pendingIndex = null;
    pendingSlots = null;
    return this;
  }

  /**
   * @return the tree of this schema: its fields, members and slots (recursively)
   */
  @Override
  public String describeText() {
    return org.lamindb.internal.features.SchemaSaver.describe(instance(), this);
  }

  /** Prints {@link #describeText()}. */
  @Override
  public void describe() {
    System.out.println(describeText());
  }

  // ---- features & labels ----

  /**
   * @return the optional member features (uids in {@code _aux.af["1"]})
   */
  public java.util.List<Feature> optionalMembers() {
    java.util.Set<String> opt =
        isSaved()
            ? org.lamindb.internal.features.SchemaSaver.optionalUids(this)
            : java.util.Set.of();
    return members().stream().filter(f -> opt.contains(f.uid())).toList();
  }

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
