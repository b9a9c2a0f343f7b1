package org.lamindb.model;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.lamindb.LaminDB;
import org.lamindb.internal.artifact.ArtifactDraft;
import org.lamindb.internal.artifact.ArtifactFiles;
import org.lamindb.internal.artifact.ArtifactStore;
import org.lamindb.internal.core.CoreRegistries;

/**
 * An artifact (lamindb_artifact): a versioned dataset or model — a file or folder in a storage
 * location, identified by a content hash and optionally a key. Create one with {@code
 * ln.artifact(path).key("...").save()}.
 */
public final class Artifact extends SQLRecord<Artifact> {

  // ---- typed fields for filters: ln.artifacts().filter(Artifact.ID...) (query engine) ----

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

  /** Typed field {@code suffix} for filters and ordering. */
  public static final org.lamindb.query.TextField SUFFIX = org.lamindb.query.Field.text("suffix");

  /** Typed field {@code kind} for filters and ordering. */
  public static final org.lamindb.query.TextField KIND = org.lamindb.query.Field.text("kind");

  /** Typed field {@code otype} for filters and ordering. */
  public static final org.lamindb.query.TextField OTYPE = org.lamindb.query.Field.text("otype");

  /** Typed field {@code size} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> SIZE =
      org.lamindb.query.Field.of("size", Long.class);

  /** Typed field {@code hash} for filters and ordering. */
  public static final org.lamindb.query.TextField HASH = org.lamindb.query.Field.text("hash");

  /** Typed field {@code n_files} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> N_FILES =
      org.lamindb.query.Field.of("n_files", Long.class);

  /** Typed field {@code n_observations} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> N_OBSERVATIONS =
      org.lamindb.query.Field.of("n_observations", Long.class);

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

  /** Typed field {@code storage_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> STORAGE_ID =
      org.lamindb.query.Field.of("storage_id", Long.class);

  /** Typed field {@code run_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> RUN_ID =
      org.lamindb.query.Field.of("run_id", Long.class);

  /** Typed field {@code schema_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> SCHEMA_ID =
      org.lamindb.query.Field.of("schema_id", Long.class);

  /** Typed field {@code created_by_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> CREATED_BY_ID =
      org.lamindb.query.Field.of("created_by_id", Long.class);

  /**
   * Creates an empty, unsaved entity; use {@link LaminDB#artifact(java.nio.file.Path)} instead.
   *
   * @param ln the instance
   */
  public Artifact(LaminDB ln) {
    super(ln, CoreRegistries.ARTIFACT);
  }

  private final ArtifactDraft draft = new ArtifactDraft();

  /**
   * Sets the file or folder to store; used by {@link LaminDB#artifact(Path)}.
   *
   * @param path a local file or folder
   * @return this
   */
  public Artifact path(Path path) {
    draft.path = path;
    return this;
  }

  /**
   * Sets an in-memory object to store (a Tablesaw {@code Table}, an {@code AnnData}, ...); used by
   * {@link LaminDB#artifact(Object)}.
   *
   * @param data the object
   * @return this
   */
  public Artifact data(Object data) {
    draft.data = data;
    draft.memory = data;
    return this;
  }

  /**
   * Validates the in-memory table against a schema, now, and annotates the artifact with the
   * validated features and labels when it is saved (LaminDB's {@code Artifact.from_dataframe(df,
   * schema=...)}).
   *
   * <pre>{@code
   * ln.feature("sequence_str", Dtype.STR).save();
   * ln.artifact(table).key("my_datasets/sequences.parquet").schema("valid_features").save();
   * }</pre>
   *
   * <p>{@code "valid_features"} is LaminDB's built-in flexible schema: every column whose name is a
   * registered feature is checked against that feature (dtype — converted when the feature has
   * {@code coerce} —, nullability, categorical values in the dtype's registry and type); other
   * columns are ignored. For an {@code AnnData} (with lamindb-formats), {@code
   * "ensembl_gene_ids_and_valid_features_in_obs"} validates {@code obs} like {@code valid_features}
   * and counts the var index's Ensembl ids found in {@code bionty.Gene} (unknown ids are tolerated;
   * needs the bionty module). Any other name is looked up among saved schemas.
   *
   * @param name {@code "valid_features"} or the name of a saved schema
   * @return this
   * @throws org.lamindb.ValidationException listing every bad column and value; nothing is saved
   * @throws org.lamindb.InvalidArgumentException when the artifact holds no Tablesaw table or
   *     AnnData, or the schema does not exist
   */
  public Artifact schema(String name) {
    return schema(org.lamindb.internal.features.Schemas.byName(instance(), name));
  }

  /**
   * Validates the artifact's data against a saved schema; see {@link #schema(String)}. The data is
   * the in-memory object (a Tablesaw table, AnnData, MuData) or the file (table file, {@code
   * .h5ad}, {@code .h5mu}, AnnData/MuData/SpatialData {@code .zarr}); composite schemas validate
   * slot by slot through the same engine as {@code ln.curator(..)} (docs/schemas.md).
   *
   * @param schema a saved schema, e.g. from {@code ln.schema(name, features...)} or {@code
   *     ln.schema(name).otype("AnnData").slots(..).save()}
   * @return this
   * @throws org.lamindb.ValidationException listing every bad column and value; nothing is saved
   */
  public Artifact schema(Schema schema) {
    java.util.Objects.requireNonNull(schema, "schema");
    if (isSaved()) {
      throw new org.lamindb.InvalidArgumentException(
          "set the schema before saving: ln.artifact(table).schema(...).save()");
    }
    Object dataset = draft.data != null ? draft.data : draft.path;
    if (dataset == null) {
      throw new org.lamindb.InvalidArgumentException(
          "schema validation needs an in-memory DataFrame (a Tablesaw Table) or AnnData, or a"
              + " file: ln.artifact(table)");
    }
    draft.curation = org.lamindb.internal.features.Curations.validate(instance(), dataset, schema);
    draft.curatedData = draft.data;
    return relate("schema", schema);
  }

  /**
   * @return the schema this artifact was validated with, or null
   */
  public Schema schema() {
    return related("schema", Schema.class);
  }

  /**
   * Makes this artifact a new version of {@code previous} (same uid stem, next version suffix); the
   * key and description default to the previous version's.
   *
   * @param previous a saved artifact of the family
   * @return this
   */
  public Artifact revises(Artifact previous) {
    draft.revises = previous;
    return this;
  }

  /**
   * Controls de-duplication by content hash: {@code true} always stores a new artifact, {@code
   * false} always returns an existing artifact with the same content. By default, files already
   * inside a storage location are not de-duplicated and all others are.
   *
   * @param skip whether to skip the hash lookup
   * @return this
   */
  public Artifact skipHashLookup(boolean skip) {
    draft.skipHashLookup = skip;
    return this;
  }

  /**
   * Saves the artifact: hashes the content, returns the existing artifact when the same content is
   * already registered (this object then holds that artifact), creates a new version when the key
   * exists with other content, and stores the content crash-safely.
   *
   * @return this artifact, saved
   */
  @Override
  public Artifact save() {
    instance().checkWritable("save Artifact");
    if (draft.curation != null && draft.data != draft.curatedData && draft.data != null) {
      schema(draft.curation.schema()); // the object changed since it was validated
    }
    draft.insertedRow = false;
    ArtifactStore.of(instance()).save(this, draft);
    annotateCuration();
    return this;
  }

  /**
   * Annotates a curated artifact after its row is stored; when that fails, an artifact this save
   * created is deleted permanently again (row and stored content), so that no unannotated artifact
   * remains, and the failure is rethrown.
   */
  private void annotateCuration() {
    if ((draft.curation != null || draft.features != null) && isSaved()) {
      try {
        if (draft.curation != null) {
          draft.curation.annotate(instance(), this);
        }
        if (draft.features != null) {
          features().addValues(draft.features);
        }
      } catch (RuntimeException e) {
        undoUnannotated(e);
        throw e;
      }
      draft.curation = null;
      draft.curatedData = null;
      draft.features = null;
    }
  }

  /** Deletes this artifact permanently if this save created it and it still awaits annotation. */
  private void undoUnannotated(RuntimeException cause) {
    if ((draft.curation != null || draft.features != null) && draft.insertedRow && isSaved()) {
      try {
        delete(true);
      } catch (RuntimeException undo) {
        cause.addSuppressed(undo);
      }
    }
  }

  /**
   * Saves many artifacts at once, much faster than one by one: hashing runs in parallel and new
   * artifacts are inserted in one transaction. Duplicates resolve to existing artifacts and new
   * versions of existing keys are saved one by one, exactly as {@link #save()} would.
   *
   * @param artifacts unsaved artifacts, e.g. from {@code ln.artifact(path).key(...)}
   * @return the same artifacts, saved
   */
  public static List<Artifact> saveAll(List<Artifact> artifacts) {
    if (artifacts.isEmpty()) {
      return artifacts;
    }
    artifacts.get(0).instance().checkWritable("save Artifacts");
    java.util.Map<Artifact, ArtifactDraft> drafts = new java.util.IdentityHashMap<>();
    for (Artifact a : artifacts) {
      a.draft.insertedRow = false;
      drafts.put(a, a.draft);
    }
    List<Artifact> saved =
        new org.lamindb.internal.artifact.ArtifactBulk(artifacts.get(0).instance())
            .saveAll(artifacts, drafts);
    RuntimeException failure = null;
    for (Artifact a : artifacts) {
      if (failure != null) {
        a.undoUnannotated(failure); // would stay without its annotations
        continue;
      }
      try {
        a.annotateCuration();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return saved;
  }

  /** Moves the artifact to the trash (its content is kept); {@link #restore()} brings it back. */
  @Override
  public void delete() {
    super.delete(false);
  }

  /**
   * Deletes the artifact. Permanently deleting removes the row and, when the artifact owns its
   * content (stored under {@code .lamindb/}), the content; content registered in place elsewhere is
   * kept.
   *
   * @param permanent true to delete for good, false to move to the trash
   */
  @Override
  public void delete(boolean permanent) {
    instance().checkWritable("delete Artifact");
    if (permanent) {
      ArtifactFiles.of(instance()).deletePermanently(this, false);
    } else {
      super.delete(false);
    }
  }

  /**
   * Deletes the artifact permanently together with its content, even content registered in place
   * outside {@code .lamindb/}.
   */
  public void deleteWithContent() {
    instance().checkWritable("delete Artifact");
    ArtifactFiles.of(instance()).deletePermanently(this, true);
  }

  /**
   * @return the full storage path of the content, e.g. {@code /data/lamin/.lamindb/AbC...0000.csv}
   */
  public String path() {
    return ArtifactFiles.of(instance()).path(this);
  }

  /**
   * @return a local path with the content: the file itself on local storage, else an up-to-date
   *     copy in the cache (downloaded only when the remote changed)
   */
  public Path cache() {
    Path p = ArtifactFiles.of(instance()).cache(this);
    instance().trackInput(this);
    return p;
  }

  /**
   * Loads the content into its natural object: a String for text, a JsonNode for JSON, a Tablesaw
   * Table for CSV/Parquet, an AnnData for .h5ad/.zarr (with lamindb-formats).
   *
   * @return the loaded object
   */
  public Object load() {
    return load(Object.class);
  }

  /**
   * Loads the content as {@code type}, e.g. {@code load(Table.class)}.
   *
   * @return the loaded object
   */
  public <T> T load(Class<T> type) {
    if (draft.memory != null && type.isInstance(draft.memory)) {
      return type.cast(draft.memory);
    }
    Path p = cache();
    return org.lamindb.internal.artifact.Formats.load(p, suffix(), type);
  }

  /**
   * Opens the content for streaming access, typed by format as in LaminDB: Parquet, CSV/TSV and
   * folders of Parquet give a {@link org.lamindb.query.TableAccessor} (schema, row count from
   * metadata, projection + filter, record batches, SQL over {@code data}); AnnData ({@code .h5ad},
   * {@code .zarr}) gives lamindb-formats' {@code AnnDataAccessor}; anything else the byte stream of
   * {@link #openStream()}. Close what you get.
   *
   * <pre>{@code
   * try (TableAccessor t = artifact.open(TableAccessor.class)) {
   *   t.schema(); t.rowCount(); t.select("x").filter("x > 1").toTable();
   * }
   * }</pre>
   *
   * @return the accessor
   */
  public AutoCloseable open() {
    AutoCloseable acc = org.lamindb.internal.collection.Lakehouse.openAny(instance(), this);
    instance().trackInput(this);
    return acc;
  }

  /**
   * {@link #open()} as {@code type}, e.g. {@code open(TableAccessor.class)}; fails naming what this
   * artifact opens as when it is not {@code type}.
   *
   * @param type the accessor class
   * @return the accessor
   */
  public <T> T open(Class<T> type) {
    AutoCloseable acc = open();
    if (type.isInstance(acc)) {
      return type.cast(acc);
    }
    try {
      acc.close();
    } catch (Exception ignored) {
      // only reporting the mismatch
    }
    throw new org.lamindb.InvalidArgumentException(
        "artifact "
            + uid()
            + " ("
            + (suffix() == null || suffix().isEmpty() ? "no suffix" : suffix())
            + ") opens as "
            + (acc instanceof InputStream
                ? "a byte stream (InputStream)"
                : acc.getClass().getSimpleName())
            + ", not "
            + type.getSimpleName());
  }

  /**
   * Registers this artifact of another instance (e.g. one opened with {@code ln.db(..)}) in {@code
   * target} with the same uid, hash and key, its features, labels and schemas; the content stays
   * where it is. Idempotent: transferring again returns the artifact registered the first time.
   *
   * <pre>{@code
   * Artifact mine = db.artifacts().get("KBW89Mf7IGcekja2").transferTo(ln);
   * }</pre>
   *
   * @param target the (writable) instance to register the artifact in
   * @return the artifact in {@code target}
   */
  public Artifact transferTo(LaminDB target) {
    return transferTo(target, false);
  }

  /**
   * {@link #transferTo(LaminDB)}, copying the content into {@code target}'s default storage when
   * {@code copy} is true (for sources that may go away).
   *
   * @param target the (writable) instance to register the artifact in
   * @param copy copy the content instead of referencing it in place
   * @return the artifact in {@code target}
   */
  public Artifact transferTo(LaminDB target, boolean copy) {
    return org.lamindb.internal.artifact.Transfer.artifact(
        instance(), this, org.lamindb.internal.core.Access.instance(target), copy);
  }

  /**
   * @return a stream over the content's bytes, read lazily from storage without downloading it all
   *     first
   */
  public InputStream openStream() {
    InputStream in = ArtifactFiles.of(instance()).open(this);
    instance().trackInput(this);
    return in;
  }

  /**
   * @return a query over all versions of this artifact (trashed ones excluded), oldest first, e.g.
   *     {@code artifact.versions().toDataFrame()}
   */
  public org.lamindb.query.QuerySet<Artifact> versions() {
    return org.lamindb.query.QuerySet.of(ln(), Artifact.class)
        .filter("uid__startswith", uid().substring(0, 16))
        .exclude("branch_id", -1L)
        .orderBy("created_at", "id");
  }

  /**
   * @return the key (a virtual relative path such as {@code examples/my.csv}), or null
   */
  public String key() {
    return str("key");
  }

  /** Sets the key. */
  public Artifact key(String value) {
    return set("key", value);
  }

  /**
   * @return the description, or null
   */
  public String description() {
    return str("description");
  }

  /** Sets the description. */
  public Artifact description(String value) {
    return set("description", value);
  }

  /**
   * @return the canonical suffix, e.g. {@code .csv}, or ""
   */
  public String suffix() {
    return str("suffix");
  }

  /**
   * @return {@code dataset}, {@code model}, ... or null
   */
  public String kind() {
    return str("kind");
  }

  /** Sets the kind ({@code dataset}, {@code model}, or any string). */
  public Artifact kind(String value) {
    return set("kind", value);
  }

  /**
   * @return the object type ({@code DataFrame}, {@code AnnData}, ...), or null
   */
  public String otype() {
    return str("otype");
  }

  /**
   * @return size in bytes (sum over files for folders)
   */
  public Long size() {
    return lng("size");
  }

  /**
   * @return the content hash (22 characters, LaminDB-compatible)
   */
  public String hash() {
    return str("hash");
  }

  /**
   * @return how {@link #hash()} was computed: {@code md5}, {@code sha1-fl}, {@code md5-d}, ...
   */
  public String hashType() {
    return str("_hash_type");
  }

  /**
   * @return number of files for folder artifacts, else null
   */
  public Long nFiles() {
    return lng("n_files");
  }

  /**
   * @return number of observations (rows, cells, records) when known
   */
  public Long nObservations() {
    return lng("n_observations");
  }

  /**
   * @return the version tag if set, else the 4-character uid suffix
   */
  public String version() {
    String tag = str("version_tag");
    String uid = uid();
    return tag != null ? tag : uid == null ? null : uid.substring(uid.length() - 4);
  }

  /**
   * @return true for the latest version of its family
   */
  public boolean isLatest() {
    return Boolean.TRUE.equals(bool("is_latest"));
  }

  /**
   * @return the storage location
   */
  public Storage storage() {
    return related("storage", Storage.class);
  }

  /**
   * @return the run that created this artifact, or null
   */
  public Run run() {
    return related("run", Run.class);
  }

  /**
   * @return the transform of the creating run, or null
   */
  public Transform transform() {
    Run r = run();
    return r == null ? null : r.transform();
  }

  /**
   * @return creation time
   */
  public OffsetDateTime createdAt() {
    return time("created_at");
  }

  /**
   * @return the creating user
   */
  public User createdBy() {
    return related("created_by", User.class);
  }

  // ---- features & labels ----

  /**
   * @return the feature values of this artifact: {@code features().addValues(Map.of("gc_content",
   *     0.55))}, {@code features().get()}, {@code features().remove("gc_content")}
   */
  public FeatureManager features() {
    return new FeatureManager(this);
  }

  /**
   * Feature values to annotate on {@link #save()}, validated like {@code features().addValues}: if
   * they fail, an artifact that save created is removed again and the error is raised.
   *
   * @param values feature name → value, e.g. {@code Map.of("gc_content", 0.55)}
   * @return this
   */
  public Artifact features(java.util.Map<String, ?> values) {
    draft.features = new java.util.LinkedHashMap<>(values);
    return this;
  }

  /**
   * @return the ulabels linked to this artifact ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<ULabel> ulabels() {
    return new LabelManager<>(this, "ulabels", ULabel.class);
  }

  /**
   * @return the projects linked to this artifact ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Project> projects() {
    return new LabelManager<>(this, "projects", Project.class);
  }

  /**
   * @return the references linked to this artifact ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Reference> references() {
    return new LabelManager<>(this, "references", Reference.class);
  }

  /**
   * @return the records linked to this artifact ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Record> records() {
    return new LabelManager<>(this, "records", Record.class);
  }

  /**
   * @return every label relation of this artifact by name, including module relations such as
   *     bionty's {@code diseases}: {@code artifact.labels().get("diseases")}
   */
  public Labels labels() {
    return new Labels(this);
  }

  // ---- lineage ----

  /**
   * Draws this artifact's lineage upstream (the runs and inputs that produced it) and downstream
   * (runs that used it), prints it as a Mermaid flowchart and returns it for other renderings
   * ({@code toDot()}, {@code toSvg()}).
   *
   * @return the lineage graph
   */
  public org.lamindb.lineage.LineageGraph viewLineage() {
    org.lamindb.lineage.LineageGraph g =
        lineage(Integer.MAX_VALUE, org.lamindb.lineage.LineageGraph.Direction.BOTH);
    System.out.println(g.toMermaid());
    return g;
  }

  /**
   * @param depth maximal number of run hops from this artifact
   * @param direction upstream, downstream or both
   * @return the lineage graph, not printed
   */
  public org.lamindb.lineage.LineageGraph lineage(
      int depth, org.lamindb.lineage.LineageGraph.Direction direction) {
    return org.lamindb.internal.lineage.LineageGraphBuilder.build(
        instance(), this, depth, direction);
  }

  /**
   * @return the runs that used this artifact as input, oldest first
   */
  public List<Run> inputOfRuns() {
    return org.lamindb.internal.lineage.LineageQueries.inputOfRuns(instance(), this);
  }

  /**
   * @return the markdown notes of this artifact: readme (versioned) and comments
   */
  public Notes notes() {
    return org.lamindb.internal.db.NoteStore.of(instance()).forHost("artifact", this);
  }
}
