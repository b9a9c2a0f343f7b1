package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A universal label (lamindb_ulabel) to annotate artifacts, runs, transforms and collections.
 * Labels with {@code isType(true)} group other labels: {@code
 * ln.ulabel("Perturbation").isType(true).save()}.
 */
public final class ULabel extends SQLRecord<ULabel> {

  // ---- typed fields for filters: ln.ulabels().filter(ULabel.ID...) (query engine) ----

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
   * Creates an empty, unsaved entity; use {@link LaminDB#ulabel(String)} instead.
   *
   * @param ln the instance
   */
  public ULabel(LaminDB ln) {
    super(ln, CoreRegistries.ULABEL);
  }

  /**
   * @return the name
   */
  public String name() {
    return str("name");
  }

  /** Sets the name. */
  public ULabel name(String value) {
    return set("name", value);
  }

  /**
   * @return the description
   */
  public String description() {
    return str("description");
  }

  /** Sets the description. */
  public ULabel description(String value) {
    return set("description", value);
  }

  /**
   * @return true when this label is a type grouping other labels
   */
  public boolean isType() {
    return Boolean.TRUE.equals(bool("is_type"));
  }

  /** Marks this label as a type (or not). */
  public ULabel isType(boolean value) {
    return set("is_type", value);
  }

  /**
   * @return the type label, or null
   */
  public ULabel type() {
    return related("type", ULabel.class);
  }

  /** Sets the type; it must be a saved label with {@code isType(true)}. */
  public ULabel type(ULabel type) {
    return relate("type", type);
  }

  // ---- features & labels ----

  /**
   * @return the parents linked to this ulabel ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<ULabel> parents() {
    return new LabelManager<>(this, "parents", ULabel.class);
  }

  /**
   * @return the children linked to this ulabel ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<ULabel> children() {
    return new LabelManager<>(this, "children", ULabel.class);
  }

  /**
   * @return the projects linked to this ulabel ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Project> projects() {
    return new LabelManager<>(this, "projects", Project.class);
  }
}
