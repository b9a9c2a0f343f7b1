package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A universal label (lamindb_ulabel) to annotate artifacts, runs, transforms and collections. Labels with {@code
 * isType(true)} group other labels: {@code ln.ulabel("Perturbation").isType(true).save()}.
 */
public final class ULabel extends SQLRecord<ULabel> {

  /**
   * Creates an empty, unsaved entity; use {@link LaminDB#ulabel(String)} instead.
   *
   * @param ln the instance
   */
  public ULabel(LaminDB ln) {
    super(ln, CoreRegistries.ULABEL);
  }

  /** @return the name */
  public String name() {
    return str("name");
  }

  /** Sets the name. */
  public ULabel name(String value) {
    return set("name", value);
  }

  /** @return the description */
  public String description() {
    return str("description");
  }

  /** Sets the description. */
  public ULabel description(String value) {
    return set("description", value);
  }

  /** @return true when this label is a type grouping other labels */
  public boolean isType() {
    return Boolean.TRUE.equals(bool("is_type"));
  }

  /** Marks this label as a type (or not). */
  public ULabel isType(boolean value) {
    return set("is_type", value);
  }

  /** @return the type label, or null */
  public ULabel type() {
    return related("type", ULabel.class);
  }

  /** Sets the type; it must be a saved label with {@code isType(true)}. */
  public ULabel type(ULabel type) {
    return relate("type", type);
  }
}
