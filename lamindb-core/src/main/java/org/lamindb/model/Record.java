package org.lamindb.model;

import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A record (lamindb_record) for the entities of experiments: samples, perturbations, instruments
 * (LIMS). Labels with {@code isType(true)} group other records: {@code
 * ln.record("Sample").isType(true).save()}.
 */
public final class Record extends SQLRecord<Record> {

  // ---- typed fields for filters: ln.records().filter(Record.ID...) (query engine) ----

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
   * Creates an empty, unsaved entity; use {@link LaminDB#record(String)} instead.
   *
   * @param ln the instance
   */
  public Record(LaminDB ln) {
    super(ln, CoreRegistries.RECORD);
  }

  /**
   * @return the name
   */
  public String name() {
    return str("name");
  }

  /** Sets the name. */
  public Record name(String value) {
    return set("name", value);
  }

  /**
   * @return the description
   */
  public String description() {
    return str("description");
  }

  /** Sets the description. */
  public Record description(String value) {
    return set("description", value);
  }

  /**
   * @return true when this record is a type grouping other records
   */
  public boolean isType() {
    return Boolean.TRUE.equals(bool("is_type"));
  }

  /** Marks this record as a type (or not). */
  public Record isType(boolean value) {
    return set("is_type", value);
  }

  /**
   * @return the type record, or null
   */
  public Record type() {
    return related("type", Record.class);
  }

  /** Sets the type; it must be a saved record with {@code isType(true)}. */
  public Record type(Record type) {
    return relate("type", type);
  }

  /**
   * @return the schema making this type a sheet, or null
   */
  public Schema schema() {
    return related("schema", Schema.class);
  }

  /** Sets the schema (a type with a schema is a sheet). */
  public Record schema(Schema schema) {
    return relate("schema", schema);
  }

  // ---- features & labels ----

  /**
   * @return the feature values of this record: {@code features().addValues(Map.of("gc_content",
   *     0.55))}, {@code features().get()}, {@code features().remove("gc_content")}
   */
  public FeatureManager features() {
    return new FeatureManager(this);
  }

  /**
   * @return the parents linked to this record ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Record> parents() {
    return new LabelManager<>(this, "parents", Record.class);
  }

  /**
   * @return the children linked to this record ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Record> children() {
    return new LabelManager<>(this, "children", Record.class);
  }

  /**
   * @return the projects linked to this record ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Project> projects() {
    return new LabelManager<>(this, "projects", Project.class);
  }

  /**
   * @return the references linked to this record ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Reference> references() {
    return new LabelManager<>(this, "references", Reference.class);
  }

  /**
   * Exports a record type as a sheet: one row per record of this type, columns {@code
   * __lamindb_record_uid__}, {@code __lamindb_record_name__}, then one typed column per feature
   * (the schema's members for sheets).
   *
   * @return the table
   */
  public tech.tablesaw.api.Table toDataFrame() {
    tech.tablesaw.api.Table t = org.lamindb.internal.features.Sheets.toTable(instance(), this);
    // with a tracked run, the exported type is an input of that run (spec §7.3)
    instance().trackInput(this);
    return t;
  }

  /**
   * Creates or updates records of {@code type} from a table (a sheet): names from column {@code
   * __lamindb_record_name__} or {@code name}, every other column a feature. Records of the type
   * with the same name are updated. Every value is validated first; nothing is written if any
   * fails.
   *
   * <pre>{@code
   * List<Record> samples = Record.fromDataFrame(table, sampleType);
   * }</pre>
   *
   * @param table the rows
   * @param type a saved record type
   * @return the records in row order
   * @throws org.lamindb.ValidationException listing every bad value with its row
   */
  public static java.util.List<Record> fromDataFrame(tech.tablesaw.api.Table table, Record type) {
    return org.lamindb.internal.features.Sheets.fromTable(type.instance(), table, type);
  }

  /**
   * @return records of this type and all its sub-types (recursively)
   */
  public java.util.List<Record> queryRecords() {
    java.util.List<Long> types =
        org.lamindb.internal.features.FeatureCatalog.typeSubtree(instance(), registry(), uid());
    java.util.List<Record> out = new java.util.ArrayList<>();
    for (SQLRecord<?> r :
        ln().records().filter("type_id__in", types).filter("is_type", false).list()) {
      out.add((Record) r);
    }
    return out;
  }

  /**
   * @return the markdown notes of this record: readme (versioned) and comments
   */
  public Notes notes() {
    return org.lamindb.internal.db.NoteStore.of(instance()).forHost("record", this);
  }
}
