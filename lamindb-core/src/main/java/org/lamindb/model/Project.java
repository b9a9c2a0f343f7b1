package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A project (lamindb_project) to group artifacts, transforms, runs and other records. Labels with
 * {@code isType(true)} group other projects: {@code ln.project("Programs").isType(true).save()}.
 */
public final class Project extends SQLRecord<Project> {

  // ---- typed fields for filters: ln.projects().filter(Project.ID...) (query engine) ----

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

  /** Typed field {@code abbr} for filters and ordering. */
  public static final org.lamindb.query.TextField ABBR = org.lamindb.query.Field.text("abbr");

  /** Typed field {@code url} for filters and ordering. */
  public static final org.lamindb.query.TextField URL = org.lamindb.query.Field.text("url");

  /** Typed field {@code start_date} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.LocalDate> START_DATE =
      org.lamindb.query.Field.of("start_date", java.time.LocalDate.class);

  /** Typed field {@code end_date} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.LocalDate> END_DATE =
      org.lamindb.query.Field.of("end_date", java.time.LocalDate.class);

  /**
   * Creates an empty, unsaved entity; use {@link LaminDB#project(String)} instead.
   *
   * @param ln the instance
   */
  public Project(LaminDB ln) {
    super(ln, CoreRegistries.PROJECT);
  }

  /**
   * @return the name
   */
  public String name() {
    return str("name");
  }

  /** Sets the name. */
  public Project name(String value) {
    return set("name", value);
  }

  /**
   * @return the description
   */
  public String description() {
    return str("description");
  }

  /** Sets the description. */
  public Project description(String value) {
    return set("description", value);
  }

  /**
   * @return the abbreviation
   */
  public String abbr() {
    return str("abbr");
  }

  /** Sets the abbreviation. */
  public Project abbr(String value) {
    return set("abbr", value);
  }

  /**
   * @return the url
   */
  public String url() {
    return str("url");
  }

  /** Sets the url. */
  public Project url(String value) {
    return set("url", value);
  }

  /**
   * @return true when this project is a type grouping other projects
   */
  public boolean isType() {
    return Boolean.TRUE.equals(bool("is_type"));
  }

  /** Marks this project as a type (or not). */
  public Project isType(boolean value) {
    return set("is_type", value);
  }

  /**
   * @return the type project, or null
   */
  public Project type() {
    return related("type", Project.class);
  }

  /** Sets the type; it must be a saved project with {@code isType(true)}. */
  public Project type(Project type) {
    return relate("type", type);
  }

  // ---- features & labels ----

  /**
   * @return the parents linked to this project ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Project> parents() {
    return new LabelManager<>(this, "parents", Project.class);
  }

  /**
   * @return the children linked to this project ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Project> children() {
    return new LabelManager<>(this, "children", Project.class);
  }

  /**
   * @return the references linked to this project ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Reference> references() {
    return new LabelManager<>(this, "references", Reference.class);
  }

  /**
   * @return the markdown notes of this project: readme (versioned) and comments
   */
  public Notes notes() {
    return org.lamindb.internal.db.NoteStore.of(instance()).forHost("project", this);
  }
}
