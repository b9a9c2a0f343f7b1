package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/** A reference (lamindb_reference): a publication, dataset record or other citable source. */
public final class Reference extends SQLRecord<Reference> {

  // ---- typed fields for filters: ln.references().filter(Reference.ID...) (query engine) ----

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

  /** Typed field {@code doi} for filters and ordering. */
  public static final org.lamindb.query.TextField DOI = org.lamindb.query.Field.text("doi");

  /** Typed field {@code pubmed_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> PUBMED_ID =
      org.lamindb.query.Field.of("pubmed_id", Long.class);

  /** Typed field {@code date} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.LocalDate> DATE =
      org.lamindb.query.Field.of("date", java.time.LocalDate.class);

  /**
   * Creates an empty, unsaved entity; use the factories and queries of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Reference(LaminDB ln) {
    super(ln, CoreRegistries.REFERENCE);
  }

  /**
   * @return name
   */
  public String name() {
    return str("name");
  }

  /** Sets name. */
  public Reference name(String value) {
    return set("name", value);
  }

  /**
   * @return description
   */
  public String description() {
    return str("description");
  }

  /** Sets description. */
  public Reference description(String value) {
    return set("description", value);
  }

  /**
   * @return abbr
   */
  public String abbr() {
    return str("abbr");
  }

  /** Sets abbr. */
  public Reference abbr(String value) {
    return set("abbr", value);
  }

  /**
   * @return url
   */
  public String url() {
    return str("url");
  }

  /** Sets url. */
  public Reference url(String value) {
    return set("url", value);
  }

  /**
   * @return doi
   */
  public String doi() {
    return str("doi");
  }

  /** Sets doi. */
  public Reference doi(String value) {
    return set("doi", value);
  }

  /**
   * @return pubmed_id
   */
  public Long pubmedId() {
    return lng("pubmed_id");
  }

  /** Sets pubmed_id. */
  public Reference pubmedId(Long value) {
    return set("pubmed_id", value);
  }

  /**
   * @return text
   */
  public String text() {
    return str("text");
  }

  /** Sets text. */
  public Reference text(String value) {
    return set("text", value);
  }

  /**
   * @return is_type
   */
  public Boolean isType() {
    return bool("is_type");
  }

  /** Sets is_type. */
  public Reference isType(Boolean value) {
    return set("is_type", value);
  }

  /**
   * @return created_at
   */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }
}
