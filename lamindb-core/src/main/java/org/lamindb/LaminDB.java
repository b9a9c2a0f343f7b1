package org.lamindb;

import java.util.Optional;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.InstanceModuleContext;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.model.Artifact;
import org.lamindb.model.Branch;
import org.lamindb.model.Collection;
import org.lamindb.model.Feature;
import org.lamindb.model.Project;
import org.lamindb.model.Record;
import org.lamindb.model.Reference;
import org.lamindb.model.Run;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.Schema;
import org.lamindb.model.Space;
import org.lamindb.model.Storage;
import org.lamindb.model.Transform;
import org.lamindb.model.ULabel;
import org.lamindb.model.User;
import org.lamindb.query.QuerySet;
import org.lamindb.spi.LaminModule;
import org.lamindb.spi.ModuleContext;

/**
 * A handle on one LaminDB instance, the entry point of lamindb-java. Plural accessors query
 * registries ({@code ln.artifacts().filter("key__startswith", "raw/").list()}); singular factories
 * create unsaved records ({@code ln.ulabel("My label").save()}). Several handles on different
 * instances can be open at once; close each when done.
 *
 * <pre>{@code
 * try (LaminDB ln = LaminDB.connect()) {
 *   ULabel label = ln.ulabel("My label").save();
 *   ln.ulabels().filter("name__startswith", "My").list();
 * }
 * }</pre>
 */
public final class LaminDB implements AutoCloseable {
  static {
    Access.installInstanceAccess(ln -> ln.instance);
  }

  private final Instance instance;

  private LaminDB(Instance instance) {
    this.instance = instance;
  }

  static LaminDB open(Instance inst) {
    LaminDB ln = new LaminDB(inst);
    inst.bind(ln);
    if (inst.isReadOnly()) {
      return ln; // modules seed nothing into a read-only instance
    }
    try {
      ModuleContext ctx = InstanceModuleContext.of(inst);
      for (LaminModule m : inst.modules()) {
        m.onConnect(ctx);
      }
    } catch (RuntimeException e) {
      inst.close();
      throw e;
    }
    return ln;
  }

  /**
   * @return a handle on the current instance ({@code LAMIN_INSTANCE}, else the one last connected
   *     with the CLI)
   */
  public static LaminDB connect() {
    return LaminSetup.fromEnvironment().connect();
  }

  /**
   * @return a handle on instance {@code nameOrSlug} ({@code name} or {@code owner/name})
   */
  public static LaminDB connect(String nameOrSlug) {
    return LaminSetup.fromEnvironment().connect(nameOrSlug);
  }

  /**
   * Opens another instance read-only, by name or by database (LaminDB's {@code ln.DB(..)}): the
   * handle has the same query API ({@code db.artifacts().filter(..).toDataFrame()}, {@code
   * db.artifacts().get(uid)}, {@code db.module(Bionty.class).diseases()}), its artifacts load from
   * that instance's storage, and every save, delete, annotate or track fails with {@link
   * ReadOnlyException}. Several can be open at once; close each.
   *
   * <pre>{@code
   * try (LaminDB db = LaminDB.db("laminlabs/cellxgene")) {
   *   db.artifacts().filter("diseases__name", "Alzheimer's disease").toDataFrame();
   * }
   * }</pre>
   *
   * @param ref {@code owner/name} or {@code name} (local settings first, then the catalog named by
   *     {@code LAMIN_CATALOG}), {@code lamin://owner/name}, a {@code sqlite:} path (or a {@code
   *     .db} file or a storage folder) or a {@code postgresql://} URL (credentials from {@code
   *     PGUSER}/{@code PGPASSWORD}/{@code ~/.pgpass} when the URL has none)
   * @return a read-only handle
   */
  public static LaminDB db(String ref) {
    return LaminSetup.fromEnvironment().db(ref);
  }

  /**
   * @return true for handles opened with {@link #db(String)}
   */
  public boolean isReadOnly() {
    return instance.isReadOnly();
  }

  /**
   * @return {@code owner/name} of this instance
   */
  public String slug() {
    return instance.settings().slug();
  }

  /**
   * @return settings, schema versions and identity of this instance
   */
  public InstanceInfo info() {
    return new LaminSetup(instance.store()).info(instance.settings(), instance.schemaVersions());
  }

  /**
   * @return the current user
   */
  public User user() {
    return (User)
        RecordStore.byId(instance, instance.registry("User"), instance.userId()).orElseThrow();
  }

  /**
   * @return the default storage location
   */
  public Storage storage() {
    return (Storage)
        RecordStore.byId(instance, instance.registry("Storage"), instance.storageId())
            .orElseThrow();
  }

  /**
   * @param type the facade class a module offers, e.g. {@code Bionty.class}
   * @return the module's entry point for this instance
   * @throws InvalidArgumentException when no enabled module offers {@code type}
   */
  public <T> T module(Class<T> type) {
    ModuleContext ctx = InstanceModuleContext.of(instance);
    for (LaminModule m : instance.modules()) {
      Object f = m.facade(ctx);
      if (type.isInstance(f)) {
        return type.cast(f);
      }
    }
    throw new InvalidArgumentException(
        "no enabled module offers "
            + type.getSimpleName()
            + "; enable it with `lamin init --modules ...`");
  }

  // ---- registries (queries)
  // -------------------------------------------------------------------------------

  /**
   * @return a query over artifacts
   */
  public QuerySet<Artifact> artifacts() {
    return QuerySet.of(this, Artifact.class);
  }

  /**
   * @return a query over transforms
   */
  public QuerySet<Transform> transforms() {
    return QuerySet.of(this, Transform.class);
  }

  /**
   * @return a query over runs
   */
  public QuerySet<Run> runs() {
    return QuerySet.of(this, Run.class);
  }

  /**
   * @return a query over universal labels
   */
  public QuerySet<ULabel> ulabels() {
    return QuerySet.of(this, ULabel.class);
  }

  /**
   * @return a query over records
   */
  public QuerySet<Record> records() {
    return QuerySet.of(this, Record.class);
  }

  /**
   * @return a query over projects
   */
  public QuerySet<Project> projects() {
    return QuerySet.of(this, Project.class);
  }

  /**
   * @return a query over references
   */
  public QuerySet<Reference> references() {
    return QuerySet.of(this, Reference.class);
  }

  /**
   * @return a query over features
   */
  public QuerySet<Feature> features() {
    return QuerySet.of(this, Feature.class);
  }

  /**
   * @return a query over schemas
   */
  public QuerySet<Schema> schemas() {
    return QuerySet.of(this, Schema.class);
  }

  /**
   * @return a query over collections
   */
  public QuerySet<Collection> collections() {
    return QuerySet.of(this, Collection.class);
  }

  /**
   * @return a query over storage locations
   */
  public QuerySet<Storage> storages() {
    return QuerySet.of(this, Storage.class);
  }

  /**
   * @return a query over users
   */
  public QuerySet<User> users() {
    return QuerySet.of(this, User.class);
  }

  /**
   * @return a query over spaces
   */
  public QuerySet<Space> spaces() {
    return QuerySet.of(this, Space.class);
  }

  /**
   * @return a query over branches
   */
  public QuerySet<Branch> branches() {
    return QuerySet.of(this, Branch.class);
  }

  /**
   * @param name registry name as in LaminDB ({@code Artifact}, {@code artifact}, {@code
   *     bionty.CellType})
   * @return a query over that registry
   */
  public QuerySet<SQLRecord<?>> registry(String name) {
    return QuerySet.ofRegistry(this, instance.registryByName(name));
  }

  // ---- factories (unsaved records; name-based idempotency as LaminDB)
  // ---------------------------------------

  /**
   * Starts a new artifact from a local file or folder; set a key or description and {@code save()}
   * it: {@code ln.artifact(Path.of("sample.fasta")).key("sample.fasta").save()}.
   *
   * @param path a local file or folder
   * @return an unsaved artifact
   */
  public Artifact artifact(java.nio.file.Path path) {
    return new Artifact(this).path(path);
  }

  /**
   * Starts a new artifact from an in-memory object (a Tablesaw {@code Table} → Parquet, an {@code
   * AnnData} → .h5ad) that is serialized on save.
   *
   * @param data the object
   * @return an unsaved artifact
   */
  public Artifact artifact(Object data) {
    if (data instanceof java.nio.file.Path p) {
      return artifact(p);
    }
    return new Artifact(this).data(data);
  }

  /**
   * Registers every file below {@code folder} as its own artifact with key {@code
   * <keyPrefix>/<relative path>}, through the bulk path of {@link Artifact#saveAll(java.util.List)}
   * (LaminDB's {@code from_dir} + save).
   *
   * @param folder a local folder
   * @param keyPrefix key prefix, e.g. {@code raw/run42}; null uses the folder name
   * @return the saved artifacts, one per file (duplicates resolve to existing artifacts)
   */
  public java.util.List<Artifact> saveFiles(java.nio.file.Path folder, String keyPrefix) {
    if (!java.nio.file.Files.isDirectory(folder)) {
      throw new InvalidArgumentException(folder + " is not a folder");
    }
    String prefix =
        keyPrefix != null
            ? keyPrefix
            : folder.toAbsolutePath().normalize().getFileName().toString();
    java.util.List<Artifact> list = new java.util.ArrayList<>();
    try (var walk = java.nio.file.Files.walk(folder)) {
      for (java.nio.file.Path f :
          walk.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
        String rel = folder.relativize(f).toString().replace('\\', '/');
        list.add(artifact(f).key(prefix + "/" + rel));
      }
    } catch (java.io.IOException e) {
      throw new StorageException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    return Artifact.saveAll(list);
  }

  /**
   * Starts a collection of saved artifacts, in this order: {@code ln.collection(List.of(a1,
   * a2)).key("my/collection").save()}. Saving fails naming the first unsaved artifact.
   *
   * @param artifacts saved artifacts
   * @return an unsaved collection
   */
  public Collection collection(java.util.List<Artifact> artifacts) {
    return new Collection(this).artifacts(artifacts);
  }

  /**
   * Starts a collection of the artifacts a query returns, in its order.
   *
   * @param artifacts a query, e.g. {@code ln.artifacts().filter("key__startswith", "raw/")}
   * @return an unsaved collection
   */
  public Collection collection(QuerySet<Artifact> artifacts) {
    return collection(artifacts.list());
  }

  /**
   * @return the label named {@code name} if it exists, else a new unsaved one
   */
  public ULabel ulabel(String name) {
    return named(ULabel.class, name);
  }

  /**
   * @return the project named {@code name} if it exists, else a new unsaved one
   */
  public Project project(String name) {
    return named(Project.class, name);
  }

  /**
   * @return the record named {@code name} if it exists, else a new unsaved one
   */
  public Record record(String name) {
    return named(Record.class, name);
  }

  /**
   * @return the reference named {@code name} if it exists, else a new unsaved one
   */
  public Reference reference(String name) {
    return named(Reference.class, name);
  }

  private <T extends SQLRecord<T>> T named(Class<T> type, String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidArgumentException(type.getSimpleName() + " needs a non-empty name");
    }
    var reg = instance.registry(type);
    Optional<SQLRecord<?>> existing =
        RecordStore.load(
                instance,
                reg,
                RecordStore.col("name")
                    .eq(name)
                    .and(RecordStore.col("branch_id").ne(RecordStore.TRASH)))
            .stream()
            .findFirst();
    if (existing.isPresent()) {
      return type.cast(existing.get());
    }
    T rec = type.cast(reg.newEntity(this));
    Access.values(rec).put("name", name);
    Access.dirty(rec).add("name");
    return rec;
  }

  /**
   * Sets what observes uploads and downloads (e.g. a progress bar); by default nothing does.
   *
   * @param factory receives a label and the total bytes of each transfer and returns its listener
   */
  public void onTransfer(
      java.util.function.BiFunction<String, Long, org.lamindb.storage.TransferProgress> factory) {
    instance.transferProgress(factory);
  }

  /**
   * Finds an artifact by uid (full, or the 16-character stem for the latest version) or by key
   * (latest version).
   *
   * @param uidOrKey a uid, uid stem or key
   * @param includeTrash whether trashed artifacts are found too
   * @return the artifact
   * @throws NotFoundException when none matches
   */
  public Artifact artifactByUidOrKey(String uidOrKey, boolean includeTrash) {
    return org.lamindb.internal.artifact.ArtifactLookup.find(instance, uidOrKey, includeTrash);
  }

  /**
   * Checks the default storage for leftovers of interrupted saves (temporary uploads, files without
   * an artifact) and artifacts whose content is missing, with the default grace period of {@link
   * RepairOptions#DEFAULT_GRACE}.
   *
   * @param dryRun true only reports; false also removes the leftovers
   * @return one line per finding
   */
  public java.util.List<String> repair(boolean dryRun) {
    return repair(RepairOptions.defaults().dryRun(dryRun));
  }

  /**
   * Checks the default storage for leftovers of interrupted saves; safe to run at any time, from
   * any number of processes, while others save: a temporary upload whose save intent is live and
   * anything younger than the grace period are kept.
   *
   * @param options dry-run and grace period
   * @return one line per finding: {@code removed: <path> (why)}, {@code remove: ...} (dry-run),
   *     {@code keep: ...} (dry-run) and {@code missing: <path> (artifact row kept)}
   */
  public java.util.List<String> repair(RepairOptions options) {
    var r = org.lamindb.internal.artifact.Repair.run(instance, options.isDryRun(), options.grace());
    return r.findings().stream()
        .filter(f -> options.isDryRun() || !f.action().equals("keep"))
        .map(org.lamindb.internal.artifact.Repair.Finding::line)
        .toList();
  }

  /**
   * Asks the artifact key policy whether saving {@code path} with these values would be refused for
   * lacking a key, a description and a run (a file inside a registered storage has its path as key;
   * a revision inherits its family's key). Lets a front end word the error its own way.
   *
   * @return true when the save would be refused
   */
  public boolean needsArtifactIdentity(
      java.nio.file.Path path, String key, String description, boolean revises) {
    return org.lamindb.internal.artifact.KeyPolicy.needsIdentity(
        instance, path, key, description, revises);
  }

  /**
   * @return true when {@code path} lies inside a storage location of this instance (it is
   *     registered in place)
   */
  public boolean isInStorage(java.nio.file.Path path) {
    try {
      return org.lamindb.internal.artifact.ArtifactFiles.of(instance)
          .registeredStorage(path.toAbsolutePath().normalize().toRealPath())
          .isPresent();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Closes the connection pool of this handle. */
  @Override
  public void close() {
    instance.close();
  }

  @Override
  public String toString() {
    return "LaminDB(" + slug() + ")";
  }

  // ---- features & labels ----

  /**
   * Defines a feature, or returns the saved one with the same name (spec §0.5, §6.2).
   *
   * <pre>{@code
   * ln.feature("gc_content", Dtype.FLOAT).save();
   * ln.feature("experiment_date", Dtype.DATE).coerce(true).save();   // accepts "2025-10-24"
   * ln.feature("design_sample", Dtype.of(sampleType)).save();
   * }</pre>
   *
   * @param name the feature name
   * @param dtype its data type
   * @return the existing feature with that name and dtype, or a new unsaved one
   * @throws ValidationException when a feature of that name exists with another dtype, or when the
   *     dtype names a registry, field or type this instance lacks
   */
  public Feature feature(String name, org.lamindb.model.Dtype dtype) {
    java.util.Objects.requireNonNull(dtype, "dtype");
    org.lamindb.internal.features.FeatureCatalog.check(instance, dtype.parsed());
    Feature f = named(Feature.class, name);
    if (f.isSaved()) {
      if (!dtype.toString().equals(f.dtypeString())) {
        throw new ValidationException(
            "Feature "
                + name
                + " already exists with dtype "
                + f.dtypeString()
                + ", you passed "
                + dtype);
      }
      return f;
    }
    f.dtypeString(dtype.toString());
    f.nullable(true);
    return f;
  }

  /**
   * Defines a feature type grouping other features ({@code isType(true)}, no dtype).
   *
   * @param name the type name
   * @return the existing feature type with that name, or a new unsaved one
   */
  public Feature featureType(String name) {
    Feature f = named(Feature.class, name);
    return f.isSaved() ? f : f.isType(true);
  }

  /**
   * Creates (and saves) a feature schema with these members in order, or returns the saved schema
   * with the same members (LaminDB's schema hash). A record type with a schema is a sheet: {@code
   * ln.record("Sample").isType(true).schema(ln.schema("sample_sheet", gc, date)).save()}.
   *
   * <p>Without features, returns a new unsaved schema to compose with the fluent setters and {@link
   * Schema#save()} (LaminDB's {@code Schema(...)}):
   *
   * <pre>{@code
   * Schema obs = ln.schema("obs").features(cellType, donor.optional()).flexible(true).save();
   * Schema var = ln.schema("genes").itype("bionty.Gene.ensembl_gene_id").save();
   * Schema s = ln.schema("scrna").otype("AnnData").slots(Map.of("obs", obs, "var.T", var)).save();
   * }</pre>
   *
   * @param name the schema name
   * @param features saved features
   * @return the saved schema
   */
  public Schema schema(String name, Feature... features) {
    if (features.length == 0) {
      return new Schema(this).name(name);
    }
    return org.lamindb.internal.features.Schemas.create(
        instance, name, java.util.List.of(features));
  }

  /**
   * A curator validating a dataset against a schema slot by slot (LaminDB's curators, spec §8.4): a
   * Tablesaw {@code Table}, an {@code AnnData} or {@code MuData}, or a path to a table file, an
   * {@code .h5ad}/{@code .h5mu} file or an AnnData/MuData/SpatialData {@code .zarr} store (only
   * annotations are read, never X).
   *
   * <pre>{@code
   * Curator c = ln.curator(Path.of("pbmc.h5ad"), "ensembl_gene_ids_and_valid_features_in_obs");
   * System.out.println(c.validate() ? "valid" : c.report().toText());
   * }</pre>
   *
   * @param dataset the dataset
   * @param schema a saved schema
   * @return the curator (nothing is validated yet)
   */
  public org.lamindb.curate.Curator curator(Object dataset, Schema schema) {
    java.util.Objects.requireNonNull(schema, "schema");
    return new org.lamindb.internal.features.CuratorImpl(instance, dataset, schema);
  }

  /**
   * A curator for the schema with this name or uid; see {@link #curator(Object, Schema)}.
   *
   * @param dataset the dataset
   * @param schema a schema name (built-in {@code valid_features}, {@code
   *     ensembl_gene_ids_and_valid_features_in_obs}, or saved) or a 16-character uid
   * @return the curator
   * @throws InvalidArgumentException when no such schema exists
   */
  public org.lamindb.curate.Curator curator(Object dataset, String schema) {
    return curator(dataset, org.lamindb.internal.features.Schemas.byName(instance, schema));
  }

  // ---- lineage ----

  /**
   * Tracks this program: detects what is running (a single-file program {@code java Foo.java}, a
   * JShell, JBang, Groovy or Nextflow script, a jar's or class's main), creates or reuses its
   * transform — a new version when the source changed — and starts a run. Artifacts saved until
   * {@link #finish()} are its outputs, artifacts loaded its inputs; stdout/stderr are captured into
   * the run's report. If the JVM ends first, the run is still closed: errored after an uncaught
   * exception or {@code System.exit}, aborted on SIGTERM/SIGINT.
   *
   * <pre>{@code
   * ln.track();
   * Files.writeString(Path.of("sample.fasta"), ">seq1\nACGT\n");
   * ln.artifact(Path.of("sample.fasta")).key("sample.fasta").save();
   * ln.finish();
   * }</pre>
   *
   * @return the started run
   */
  public Run track() {
    return track(org.lamindb.lineage.TrackOptions.detect());
  }

  /**
   * Tracks this program with options: an explicit key or uid, parameters, project, version tag, ...
   *
   * @param options what to record, e.g. {@code TrackOptions.ofKey("qc").params(Map.of("min_reads",
   *     10))}
   * @return the started run
   */
  public Run track(org.lamindb.lineage.TrackOptions options) {
    instance.checkWritable("track a run");
    return org.lamindb.internal.lineage.LineageService.of(instance).track(options);
  }

  /**
   * Tracks this program and stores {@code params} (e.g. parsed command-line arguments, see {@link
   * org.lamindb.lineage.Params}) in {@code run.params}; secrets are redacted.
   *
   * @return the started run
   */
  public Run track(java.util.Map<String, ?> params) {
    return track(org.lamindb.lineage.TrackOptions.ofParams(params));
  }

  /**
   * Tracks this program as transform {@code uid} (12-character stem: latest version, a new one if
   * the source changed; 16 characters: exactly that version), like LaminDB's {@code
   * ln.track("<uid>")}.
   *
   * @return the started run
   */
  public Run track(String uid) {
    return track(org.lamindb.lineage.TrackOptions.ofUid(uid));
  }

  /**
   * Completes the run started by {@link #track()}: status completed, finish time, and the captured
   * output as the run's report artifact.
   *
   * @return the finished run
   * @throws TrackingException when no run is tracked
   */
  public Run finish() {
    return org.lamindb.internal.lineage.LineageService.of(instance).finish();
  }

  /**
   * @return the run started by {@link #track()} and not yet finished, else the shell run ({@code
   *     lamin track}) this connection is attached to, if any
   */
  public Optional<Run> currentRun() {
    Run tracked = org.lamindb.internal.lineage.LineageService.of(instance).currentRun();
    if (tracked != null) {
      return Optional.of(tracked);
    }
    Long shellRun = instance.currentRunId();
    return shellRun == null ? Optional.empty() : runs().filter("id", shellRun).first();
  }

  /**
   * Runs {@code body} as a tracked flow: a run of this program's transform with entry point {@code
   * name} and {@code params}, completed on return or errored on an exception (re-thrown; checked
   * ones wrapped in a {@link TrackingException}). Outside a tracked run its output is captured as
   * the run's report; inside one it is a nested run ({@code initiated_by_run}).
   *
   * <pre>{@code
   * Artifact fasta = ln.flow("create_fasta", Map.of("fasta_file", "sample.fasta"), () -> {
   *   Files.writeString(Path.of("sample.fasta"), ">seq1\nACGT\n");
   *   return ln.artifact(Path.of("sample.fasta")).key("sample.fasta").save();
   * });
   * }</pre>
   *
   * @return what {@code body} returns
   */
  public <T> T flow(
      String name, java.util.Map<String, ?> params, java.util.concurrent.Callable<T> body) {
    return org.lamindb.internal.lineage.LineageService.of(instance).call(name, params, body, false);
  }

  /**
   * Runs {@code body} as a tracked flow without parameters; see {@link #flow(String, java.util.Map,
   * java.util.concurrent.Callable)}.
   */
  public <T> T flow(String name, java.util.concurrent.Callable<T> body) {
    return flow(name, java.util.Map.of(), body);
  }

  /**
   * Runs {@code body} as a tracked flow without a result; see {@link #flow(String, java.util.Map,
   * java.util.concurrent.Callable)}.
   */
  public void flow(String name, java.util.Map<String, ?> params, Runnable body) {
    flow(
        name,
        params,
        () -> {
          body.run();
          return null;
        });
  }

  /**
   * Runs {@code body} as a step: a nested run of the current run or flow (required), with entry
   * point {@code name} and {@code params}; errored on an exception, which is re-thrown.
   *
   * @return what {@code body} returns
   * @throws TrackingException when no run is tracked
   */
  public <T> T step(
      String name, java.util.Map<String, ?> params, java.util.concurrent.Callable<T> body) {
    return org.lamindb.internal.lineage.LineageService.of(instance).call(name, params, body, true);
  }

  /**
   * Runs {@code body} as a step without parameters; see {@link #step(String, java.util.Map,
   * java.util.concurrent.Callable)}.
   */
  public <T> T step(String name, java.util.concurrent.Callable<T> body) {
    return step(name, java.util.Map.of(), body);
  }

  /**
   * Runs {@code body} as a step without a result; see {@link #step(String, java.util.Map,
   * java.util.concurrent.Callable)}.
   */
  public void step(String name, java.util.Map<String, ?> params, Runnable body) {
    step(
        name,
        params,
        () -> {
          body.run();
          return null;
        });
  }

  /**
   * Finds what {@code lamin lineage} draws: an artifact by uid or key, else a run by uid, else the
   * latest run of a transform by uid or key.
   *
   * @param ref a uid or key
   * @param depth maximal run hops from the focus
   * @param direction which way to walk
   * @return the lineage graph
   * @throws NotFoundException when nothing matches
   */
  public org.lamindb.lineage.LineageGraph lineage(
      String ref, int depth, org.lamindb.lineage.LineageGraph.Direction direction) {
    SQLRecord<?> focus;
    try {
      focus = artifactByUidOrKey(ref, false);
    } catch (NotFoundException notArtifact) {
      Optional<Run> run = runs().filter("uid", ref).first();
      if (run.isPresent()) {
        focus = run.get();
      } else {
        Transform t =
            transforms()
                .filter("uid__startswith", ref)
                .filter("is_latest", true)
                .first()
                .or(() -> transforms().filter("key", ref).filter("is_latest", true).first())
                .orElseThrow(
                    () ->
                        new NotFoundException(
                            "no artifact, run or transform with uid or key '" + ref + "'"));
        focus =
            runs()
                .filter("transform_id", t.id())
                .orderBy("-started_at")
                .first()
                .orElseThrow(
                    () -> new NotFoundException("transform '" + ref + "' has no runs yet"));
      }
    }
    return org.lamindb.internal.lineage.LineageGraphBuilder.build(
        instance, focus, depth, direction);
  }

  /**
   * @return instance-wide notes: {@code ln.notes().search("p53")} searches latest readmes and
   *     comments (SQLite FTS5, PostgreSQL tsvector)
   */
  public org.lamindb.model.NoteSearch notes() {
    return org.lamindb.internal.db.NoteStore.of(instance);
  }
}
