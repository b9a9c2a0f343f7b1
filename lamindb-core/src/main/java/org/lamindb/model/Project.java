package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A project (lamindb_project) to group artifacts, transforms, runs and other records. Labels with {@code
 * isType(true)} group other projects: {@code ln.project("Programs").isType(true).save()}.
 */
public final class Project extends SQLRecord<Project> {

  /**
   * Creates an empty, unsaved entity; use {@link LaminDB#project(String)} instead.
   *
   * @param ln the instance
   */
  public Project(LaminDB ln) {
    super(ln, CoreRegistries.PROJECT);
  }

  /** @return the name */
  public String name() {
    return str("name");
  }

  /** Sets the name. */
  public Project name(String value) {
    return set("name", value);
  }

  /** @return the description */
  public String description() {
    return str("description");
  }

  /** Sets the description. */
  public Project description(String value) {
    return set("description", value);
  }

  /** @return the abbreviation */
  public String abbr() {
    return str("abbr");
  }

  /** Sets the abbreviation. */
  public Project abbr(String value) {
    return set("abbr", value);
  }

  /** @return the url */
  public String url() {
    return str("url");
  }

  /** Sets the url. */
  public Project url(String value) {
    return set("url", value);
  }

  /** @return true when this project is a type grouping other projects */
  public boolean isType() {
    return Boolean.TRUE.equals(bool("is_type"));
  }

  /** Marks this project as a type (or not). */
  public Project isType(boolean value) {
    return set("is_type", value);
  }

  /** @return the type project, or null */
  public Project type() {
    return related("type", Project.class);
  }

  /** Sets the type; it must be a saved project with {@code isType(true)}. */
  public Project type(Project type) {
    return relate("type", type);
  }
}
