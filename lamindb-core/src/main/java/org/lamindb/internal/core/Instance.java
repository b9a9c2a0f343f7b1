package org.lamindb.internal.core;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.internal.db.Database;
import org.lamindb.internal.setup.InstanceSettings;
import org.lamindb.internal.setup.SettingsStore;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.LaminModule;
import org.lamindb.spi.RegistryDef;

/**
 * The services behind one connected {@link LaminDB} handle: database, registries of the enabled
 * modules, current user, branch, space and default storage. Each handle has its own, so several
 * instances can be open in one JVM.
 */
public final class Instance implements AutoCloseable {
  private final InstanceSettings settings;
  private final SettingsStore store;
  private final Database db;
  private final List<LaminModule> modules;
  private final Map<String, RegistryDef> registries = new LinkedHashMap<>();
  private final Map<Class<?>, RegistryDef> byClass = new LinkedHashMap<>();
  private final Map<Class<?>, Object> services = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> schemaVersions;
  private LaminDB ln;
  private long userId;
  private String userHandle;
  private long storageId;
  private String storageRoot;
  private long branchId = RecordStore.MAIN;
  private long spaceId = 1;
  private Describer describer;
  private volatile Long currentRunId;
  private volatile java.util.function.Consumer<SQLRecord<?>> inputTracker;
  private volatile java.util.function.BiFunction<String, Long, org.lamindb.storage.TransferProgress>
      progress = (label, size) -> org.lamindb.storage.TransferProgress.NONE;

  /**
   * @param settings the instance settings
   * @param store the settings directory
   * @param db the open database (migrated)
   * @param modules enabled modules, core first
   * @param schemaVersions schema version per module
   */
  public Instance(
      InstanceSettings settings,
      SettingsStore store,
      Database db,
      List<LaminModule> modules,
      Map<String, Integer> schemaVersions) {
    this.settings = settings;
    this.store = store;
    this.db = db;
    this.modules = List.copyOf(modules);
    this.schemaVersions = Map.copyOf(schemaVersions);
    for (LaminModule m : modules) {
      for (RegistryDef r : m.registries()) {
        registries.put(r.name(), r);
      }
    }
    Map<String, List<org.lamindb.spi.RelationDef>> extra = new LinkedHashMap<>();
    for (LaminModule m : modules) {
      for (org.lamindb.spi.HostRelation hr : m.hostRelations()) {
        if (registries.containsKey(hr.host()) && registries.containsKey(hr.relation().target())) {
          extra.computeIfAbsent(hr.host(), k -> new java.util.ArrayList<>()).add(hr.relation());
        }
      }
    }
    extra.forEach((host, rels) -> registries.put(host, registries.get(host).withRelations(rels)));
  }

  /**
   * @return the registry of this instance named like {@code r} (with the relations modules add), or
   *     {@code r} itself when this instance does not know it
   */
  public RegistryDef canonical(RegistryDef r) {
    RegistryDef c = registries.get(r.name());
    return c == null ? r : c;
  }

  /** Binds the public handle; called once by {@link LaminDB}. */
  public void bind(LaminDB handle) {
    this.ln = handle;
    for (RegistryDef r : registries.values()) {
      try {
        byClass.put(r.newEntity(handle).getClass(), r);
      } catch (IllegalStateException noEntity) {
        // registries without an entity class are only queried
      }
    }
    this.describer = new Describer(this);
    this.describer.addSection(new org.lamindb.internal.artifact.ArtifactSections(this));
    // features & labels: feature filters on Artifact/Run/Record queries, and Features sections in
    // describe()
    org.lamindb.internal.query.FeatureFilters.install(
        new org.lamindb.internal.features.FeatureFilter());
    this.describer.addSection(new org.lamindb.internal.features.FeatureSections(this));
    var lineage = new org.lamindb.internal.lineage.LineageSections(this);
    this.describer.addFields(lineage);
    this.describer.addSection(lineage);
  }

  /** Sets the current user, default storage and their ids after the seed rows are known. */
  public void setContext(long userId, String userHandle, long storageId, String storageRoot) {
    this.userId = userId;
    this.userHandle = userHandle;
    this.storageId = storageId;
    this.storageRoot = storageRoot;
  }

  /**
   * @return true when this instance was opened read-only ({@code LaminDB.db(..)})
   */
  public boolean isReadOnly() {
    return db.isReadOnly();
  }

  /**
   * @param what what is about to be written, e.g. {@code save Artifact}
   * @throws org.lamindb.ReadOnlyException when the instance is read-only
   */
  public void checkWritable(String what) {
    if (db.isReadOnly()) {
      throw new org.lamindb.ReadOnlyException(
          "cannot "
              + what
              + ": "
              + settings.slug()
              + " is open read-only (LaminDB.db); connect with LaminDB.connect(\""
              + settings.slug()
              + "\") to write, or transfer records into your instance with"
              + " ln.artifacts().transfer(artifact)");
    }
  }

  /**
   * @return the public handle
   */
  public LaminDB ln() {
    return ln;
  }

  /**
   * @return the settings
   */
  public InstanceSettings settings() {
    return settings;
  }

  /**
   * @return the settings directory
   */
  public SettingsStore store() {
    return store;
  }

  /**
   * @return the database
   */
  public Database db() {
    return db;
  }

  /**
   * @return enabled modules, core first
   */
  public List<LaminModule> modules() {
    return modules;
  }

  /**
   * @return schema version per enabled module
   */
  public Map<String, Integer> schemaVersions() {
    return schemaVersions;
  }

  /**
   * @return the registry named {@code name} (e.g. {@code Artifact}, {@code bionty.CellType})
   */
  public RegistryDef registry(String name) {
    RegistryDef r = registries.get(name);
    if (r == null) {
      throw new InvalidArgumentException(
          "no registry '"
              + name
              + "' in this instance; registries: "
              + String.join(", ", registries.keySet()));
    }
    return r;
  }

  /**
   * @param name registry name, case-insensitive, with or without module prefix for core ({@code
   *     artifact}, {@code Artifact}, {@code bionty.CellType}, {@code celltype})
   * @return the registry
   */
  public RegistryDef registryByName(String name) {
    for (RegistryDef r : registries.values()) {
      String simple =
          r.name().contains(".") ? r.name().substring(r.name().indexOf('.') + 1) : r.name();
      if (r.name().equalsIgnoreCase(name) || simple.equalsIgnoreCase(name)) {
        return r;
      }
    }
    return registry(name);
  }

  /**
   * @return the registry whose entity class is {@code type}
   */
  public RegistryDef registry(Class<? extends SQLRecord<?>> type) {
    RegistryDef r = byClass.get(type);
    if (r == null) {
      throw new InvalidArgumentException("no registry for entity class " + type.getName());
    }
    return r;
  }

  /**
   * @return all registries by name
   */
  public Map<String, RegistryDef> registries() {
    return registries;
  }

  /**
   * @return a per-instance service, created on first use (lineage context, artifact store, ...)
   */
  @SuppressWarnings("unchecked")
  public <T> T service(Class<T> type, java.util.function.Function<Instance, T> create) {
    Object s = services.get(type);
    if (s == null) {
      // created outside the map: services may use other services while being created
      Object created = create.apply(this);
      s = services.putIfAbsent(type, created);
      if (s == null) {
        s = created;
      }
    }
    return (T) s;
  }

  /**
   * @return id of the current user row
   */
  public long userId() {
    return userId;
  }

  /**
   * @return handle of the current user
   */
  public String userHandle() {
    return userHandle;
  }

  /**
   * @return id of the default storage row
   */
  public long storageId() {
    return storageId;
  }

  /**
   * @return root of the default storage
   */
  public String storageRoot() {
    return storageRoot;
  }

  /**
   * @return id of the current branch (main = 1)
   */
  public long branchId() {
    return branchId;
  }

  /** Switches the current branch. */
  public void branchId(long id) {
    this.branchId = id;
  }

  /**
   * @return id of the current space (all = 1)
   */
  public long spaceId() {
    return spaceId;
  }

  /**
   * @return the cache directory
   */
  public Path cacheDir() {
    return store.cacheDir();
  }

  /**
   * @return id of the run that new records are outputs of (set by lineage tracking), or null
   */
  public Long currentRunId() {
    return currentRunId;
  }

  /** Sets the current run (null clears it). */
  public void currentRunId(Long id) {
    this.currentRunId = id;
  }

  /** Records {@code rec} as an input of the current run, if a run is tracked. */
  public void trackInput(SQLRecord<?> rec) {
    if (inputTracker != null) {
      inputTracker.accept(rec);
    }
  }

  /** Sets what records inputs of the current run (lineage). */
  public void inputTracker(java.util.function.Consumer<SQLRecord<?>> tracker) {
    this.inputTracker = tracker;
  }

  /**
   * @return a progress listener for a transfer of {@code size} bytes (a progress bar in the CLI)
   */
  public org.lamindb.storage.TransferProgress transferProgress(String label, long size) {
    return progress.apply(label, size);
  }

  /** Sets the factory of progress listeners for transfers. */
  public void transferProgress(
      java.util.function.BiFunction<String, Long, org.lamindb.storage.TransferProgress> f) {
    this.progress = f;
  }

  /**
   * @return the describe renderer
   */
  public Describer describer() {
    return describer;
  }

  @Override
  public void close() {
    for (Object s : services.values()) {
      if (s instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // closing best-effort
        }
      }
    }
    db.close();
  }
}
