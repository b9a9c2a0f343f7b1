package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/** A schema (lamindb_schema): a set of features or identifiers that datasets are validated against. */
public final class Schema extends SQLRecord<Schema> {
  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Schema(LaminDB ln) {
    super(ln, CoreRegistries.SCHEMA);
  }

  /** @return name */
  public String name() {
    return str("name");
  }

  /** Sets name. */
  public Schema name(String value) {
    return set("name", value);
  }

  /** @return description */
  public String description() {
    return str("description");
  }

  /** Sets description. */
  public Schema description(String value) {
    return set("description", value);
  }

  /** @return itype */
  public String itype() {
    return str("itype");
  }

  /** Sets itype. */
  public Schema itype(String value) {
    return set("itype", value);
  }

  /** @return otype */
  public String otype() {
    return str("otype");
  }

  /** Sets otype. */
  public Schema otype(String value) {
    return set("otype", value);
  }

  /** @return hash */
  public String hash() {
    return str("hash");
  }

  /** @return n_members */
  public Long nMembers() {
    return lng("n_members");
  }

  /** @return is_type */
  public Boolean isType() {
    return bool("is_type");
  }

  /** Sets is_type. */
  public Schema isType(Boolean value) {
    return set("is_type", value);
  }

  /** @return created_at */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }
}
