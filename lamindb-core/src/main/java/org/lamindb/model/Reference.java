package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/** A reference (lamindb_reference): a publication, dataset record or other citable source. */
public final class Reference extends SQLRecord<Reference> {
  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Reference(LaminDB ln) {
    super(ln, CoreRegistries.REFERENCE);
  }

  /** @return name */
  public String name() {
    return str("name");
  }

  /** Sets name. */
  public Reference name(String value) {
    return set("name", value);
  }

  /** @return description */
  public String description() {
    return str("description");
  }

  /** Sets description. */
  public Reference description(String value) {
    return set("description", value);
  }

  /** @return abbr */
  public String abbr() {
    return str("abbr");
  }

  /** Sets abbr. */
  public Reference abbr(String value) {
    return set("abbr", value);
  }

  /** @return url */
  public String url() {
    return str("url");
  }

  /** Sets url. */
  public Reference url(String value) {
    return set("url", value);
  }

  /** @return doi */
  public String doi() {
    return str("doi");
  }

  /** Sets doi. */
  public Reference doi(String value) {
    return set("doi", value);
  }

  /** @return pubmed_id */
  public Long pubmedId() {
    return lng("pubmed_id");
  }

  /** Sets pubmed_id. */
  public Reference pubmedId(Long value) {
    return set("pubmed_id", value);
  }

  /** @return text */
  public String text() {
    return str("text");
  }

  /** Sets text. */
  public Reference text(String value) {
    return set("text", value);
  }

  /** @return is_type */
  public Boolean isType() {
    return bool("is_type");
  }

  /** Sets is_type. */
  public Reference isType(Boolean value) {
    return set("is_type", value);
  }

  /** @return created_at */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }
}
