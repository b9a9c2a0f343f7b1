package org.lamindb.model;

import java.util.ArrayList;
import java.util.List;
import org.lamindb.LaminDB;
import org.lamindb.internal.collection.CollectionDraft;
import org.lamindb.internal.collection.CollectionStore;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.query.QuerySet;

/**
 * A versioned, ordered collection of saved artifacts (lamindb_collection), as in LaminDB:
 *
 * <pre>{@code
 * Collection c = ln.collection(List.of(a1, a2)).key("scrna/batches").save();
 * Collection c2 = c.append(a3);             // a new version: same uid stem, is_latest moves
 * c2.artifacts().list();                    // a1, a2, a3 in insertion order
 * c2.open().sql("SELECT count(*) FROM data").print();
 * }</pre>
 *
 * Membership of a saved version never changes; {@link #append(Artifact)} and {@link #revise(List)}
 * create new versions.
 */
public final class Collection extends SQLRecord<Collection> {
  private final CollectionDraft draft = new CollectionDraft();

  // ---- typed fields for filters: ln.collections().filter(Collection.ID...) (query engine) ----

  /** Typed field {@code id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> ID =
      org.lamindb.query.Field.of("id", Long.class);

  /** Typed field {@code uid} for filters and ordering. */
  public static final org.lamindb.query.TextField UID = org.lamindb.query.Field.text("uid");

  /** Typed field {@code key} for filters and ordering. */
  public static final org.lamindb.query.TextField KEY = org.lamindb.query.Field.text("key");

  /** Typed field {@code description} for filters and ordering. */
  public static final org.lamindb.query.TextField DESCRIPTION =
      org.lamindb.query.Field.text("description");

  /** Typed field {@code hash} for filters and ordering. */
  public static final org.lamindb.query.TextField HASH = org.lamindb.query.Field.text("hash");

  /** Typed field {@code version_tag} for filters and ordering. */
  public static final org.lamindb.query.TextField VERSION_TAG =
      org.lamindb.query.Field.text("version_tag");

  /** Typed field {@code is_latest} for filters and ordering. */
  public static final org.lamindb.query.Field<Boolean> IS_LATEST =
      org.lamindb.query.Field.of("is_latest", Boolean.class);

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
  public Collection(LaminDB ln) {
    super(ln, CoreRegistries.COLLECTION);
  }

  /**
   * @return key
   */
  public String key() {
    return str("key");
  }

  /** Sets key. */
  public Collection key(String value) {
    return set("key", value);
  }

  /**
   * @return description
   */
  public String description() {
    return str("description");
  }

  /** Sets description. */
  public Collection description(String value) {
    return set("description", value);
  }

  /**
   * @return hash
   */
  public String hash() {
    return str("hash");
  }

  /**
   * @return is_latest
   */
  public Boolean isLatest() {
    return bool("is_latest");
  }

  /**
   * @return version_tag
   */
  public String versionTag() {
    return str("version_tag");
  }

  /**
   * @return created_at
   */
  public java.time.OffsetDateTime createdAt() {
    return time("created_at");
  }

  /**
   * @return the version: the version tag if set, else the last 4 characters of the uid
   */
  public String version() {
    String tag = versionTag();
    return tag != null ? tag : uid() == null ? null : uid().substring(uid().length() - 4);
  }

  /**
   * Sets the members of this unsaved collection, in order (used by {@code ln.collection(...)}).
   *
   * @param artifacts saved artifacts
   * @return this collection
   */
  public Collection artifacts(List<Artifact> artifacts) {
    if (isSaved()) {
      throw new org.lamindb.InvalidArgumentException(
          "the members of a saved collection cannot change; use append() or revise() to make a new"
              + " version");
    }
    draft.members = new ArrayList<>(artifacts);
    return this;
  }

  /**
   * Sets the schema every member must carry (checked on save, listing the members that do not).
   *
   * @param schema a saved schema
   * @return this collection
   */
  public Collection schema(Schema schema) {
    relate("schema", schema);
    draft.schemaId = schema == null ? null : schema.id();
    return this;
  }

  /**
   * @return the schema of the collection, or null
   */
  public Schema schema() {
    return related("schema", Schema.class);
  }

  /**
   * Saves the collection. With members: returns the existing collection when one with the same
   * member set (hash) exists (this object then holds it), else inserts a new version of the key.
   *
   * @return this collection
   */
  @Override
  public Collection save() {
    CollectionStore.of(instance()).save(this, draft);
    return this;
  }

  /**
   * @return the members in insertion order, as a query (refine with filters; trashed members are
   *     hidden as in every query)
   */
  public QuerySet<Artifact> artifacts() {
    CollectionStore.requireSaved(this, "querying its artifacts");
    return org.lamindb.internal.collection.CollectionQueries.members(ln(), this);
  }

  /**
   * @return the members in insertion order
   */
  public List<Artifact> ordered() {
    CollectionStore.requireSaved(this, "listing its artifacts");
    return CollectionStore.of(instance()).members(this);
  }

  /**
   * Makes and saves a new version with the members of this one plus {@code artifact}.
   *
   * @param artifact a saved artifact
   * @return the new version (or the existing collection with that member set)
   */
  public Collection append(Artifact artifact) {
    List<Artifact> next = ordered();
    next.add(artifact);
    return revise(next);
  }

  /**
   * Makes and saves a new version of this collection with {@code artifacts} as members; key,
   * description and schema are kept.
   *
   * @param artifacts saved artifacts, in order
   * @return the new version (or the existing collection with that member set)
   */
  public Collection revise(List<Artifact> artifacts) {
    CollectionStore.requireSaved(this, "revising it");
    Collection next = new Collection(ln()).key(key()).artifacts(artifacts);
    next.draft.revises = this;
    return next.save();
  }

  /**
   * @return all versions of this collection (trashed ones excluded), oldest first
   */
  public List<Collection> versions() {
    CollectionStore.requireSaved(this, "listing its versions");
    String stem = uid().substring(0, 16);
    return ln().collections().filter("uid__startswith", stem).orderBy("created_at").list();
  }

  /**
   * Deletes the collection (members are kept). Permanently deleting keeps the members of later
   * versions intact.
   *
   * @param permanent true removes the row for good; false moves it to the trash
   */
  @Override
  public void delete(boolean permanent) {
    if (permanent) {
      CollectionStore.of(instance()).deletePermanently(this);
    } else {
      super.delete(false);
    }
  }

  @Override
  public void delete() {
    delete(false);
  }

  @Override
  public String describeText() {
    CollectionStore.of(instance());
    return super.describeText();
  }

  @Override
  public void describe() {
    CollectionStore.of(instance());
    super.describe();
  }

  // ---- open / cache / load ----

  /**
   * Opens all member tables (Parquet, CSV/TSV, folders of Parquet) as one accessor with a virtual
   * column {@code artifact_uid}: the schema is the union of the members' columns (null where a
   * member lacks one), SQL runs over the view {@code data} on embedded DuckDB over exactly the
   * member files; {@code filterArtifacts(..)} prunes members in the registry before any file is
   * opened. Inside a tracked run the collection is recorded as an input.
   *
   * <pre>{@code
   * try (TableAccessor t = collection.open()) {
   *   t.sql("SELECT artifact_uid, count(*) FROM data GROUP BY 1").print();
   * }
   * }</pre>
   *
   * @return the accessor (close it)
   */
  public org.lamindb.query.TableAccessor open() {
    return org.lamindb.internal.collection.Lakehouse.open(instance(), this);
  }

  /**
   * Caches every member locally (downloads what is remote, with a progress bar) and records the
   * collection as an input of the current run.
   *
   * @return the members' local paths, in member order
   */
  public List<java.nio.file.Path> cache() {
    return org.lamindb.internal.collection.CollectionLoad.cache(instance(), this);
  }

  /**
   * Loads and concatenates the members: tables (Parquet, CSV) into one Tablesaw {@code Table} with
   * an {@code artifact_uid} column; AnnData into one AnnData (lamindb-formats) with an {@code
   * artifact_uid} column in obs and, as LaminDB's {@code collection.load()} (whose default is
   * {@code join="outer"}), the union of the members' variables (see {@link #load(boolean)}). The
   * collection, not each member, is recorded as an input of the current run.
   *
   * @return the concatenation
   */
  public Object load() {
    return load(true);
  }

  /**
   * {@link #load()} with the join of AnnData variables chosen, as {@code anndata.concat(join=..)}.
   *
   * @param outerJoin true ({@code join="outer"}, LaminDB's default) keeps the union of the members'
   *     variables: a variable a member lacks is absent (an implicit zero) in a sparse X and NaN in
   *     a dense X, and obs columns a member lacks are missing for its cells; false ({@code
   *     join="inner"}) keeps only the variables and obs columns all members share
   * @return the concatenation
   */
  public Object load(boolean outerJoin) {
    return org.lamindb.internal.collection.CollectionLoad.load(instance(), this, outerJoin);
  }

  /**
   * {@link #load()} as {@code type}, e.g. {@code load(Table.class)}.
   *
   * @param type the expected type
   * @return the concatenation
   */
  public <T> T load(Class<T> type) {
    Object o = load();
    if (!type.isInstance(o)) {
      throw new org.lamindb.InvalidArgumentException(
          "collection "
              + uid()
              + " loads as "
              + o.getClass().getSimpleName()
              + ", not "
              + type.getSimpleName());
    }
    return type.cast(o);
  }

  /**
   * Registers the members' Parquet files in an Apache Iceberg table, in place (no data is copied),
   * so that Trino, Flink or Spark's Iceberg runtime can query the collection. Each version of the
   * collection up to this one becomes one snapshot (tagged with the version's uid in the snapshot
   * summary); calling it again on a later version adds the snapshots of the new versions.
   *
   * <pre>{@code
   * collection.registerIceberg("instance", "lamin.scrna");   // JdbcCatalog in the instance's database
   * }</pre>
   *
   * Needs {@code org.lamindb:lamindb-spark} on the class path (core does not depend on Iceberg).
   *
   * @param catalogUri {@code instance} (or null) for an Iceberg JdbcCatalog in the instance's own
   *     database, else {@code jdbc:sqlite:/path/catalog.db} or {@code
   *     jdbc:postgresql://user@host:5432/db}
   * @param table {@code namespace.table}
   * @return the table's snapshots per collection version and its current metadata file
   */
  public org.lamindb.spi.IcebergProvider.Registration registerIceberg(
      String catalogUri, String table) {
    CollectionStore.requireSaved(this, "registering it in Iceberg");
    return org.lamindb.internal.collection.IcebergBridge.register(
        instance(), this, catalogUri, table);
  }

  // ---- features & labels ----

  /**
   * @return the ulabels linked to this collection ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<ULabel> ulabels() {
    return new LabelManager<>(this, "ulabels", ULabel.class);
  }

  /**
   * @return the projects linked to this collection ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Project> projects() {
    return new LabelManager<>(this, "projects", Project.class);
  }

  /**
   * @return the references linked to this collection ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Reference> references() {
    return new LabelManager<>(this, "references", Reference.class);
  }

  /**
   * @return the records linked to this collection ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Record> records() {
    return new LabelManager<>(this, "records", Record.class);
  }

  /**
   * Opens the AnnData members ({@code .h5ad}, {@code .zarr}) as a map-style dataset for machine
   * learning, read in place; inside a tracked run the collection is recorded as an input.
   *
   * <pre>{@code
   * try (MappedCollection mc = collection.mapped(MappedOptions.builder().obsKeys("cell_type").build())) {
   *   Sample s = mc.get(0);
   * }
   * }</pre>
   *
   * @param options what to expose (layer, obs keys, filter, join)
   * @return the mapped collection (close it)
   */
  public org.lamindb.ml.MappedCollection mapped(org.lamindb.ml.MappedOptions options) {
    return org.lamindb.internal.ml.CollectionMl.mapped(instance(), this, options);
  }

  /**
   * @return {@link #mapped(org.lamindb.ml.MappedOptions)} with the default options
   */
  public org.lamindb.ml.MappedCollection mapped() {
    return mapped(org.lamindb.ml.MappedOptions.defaults());
  }

  /**
   * Batches of one epoch over the AnnData members (chunked reads, block shuffle, optional weights
   * and shards; see {@link org.lamindb.ml.BatchOptions}).
   *
   * @param options batching options; {@code options.mapped()} says which obs keys batches carry
   * @return the batches (files opened when iteration starts, closed when it ends)
   */
  public Iterable<org.lamindb.ml.Batch> batches(org.lamindb.ml.BatchOptions options) {
    return org.lamindb.internal.ml.CollectionMl.batches(instance(), this, options);
  }

  /**
   * @return the markdown notes of this collection: readme (versioned) and comments
   */
  public Notes notes() {
    return org.lamindb.internal.db.NoteStore.of(instance()).forHost("collection", this);
  }
}
