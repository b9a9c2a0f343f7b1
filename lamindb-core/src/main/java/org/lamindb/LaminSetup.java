package org.lamindb;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lamindb.internal.core.Uids;
import org.lamindb.internal.setup.InstanceManager;
import org.lamindb.internal.setup.InstanceSettings;
import org.lamindb.internal.setup.SettingsStore;

/**
 * Instance management — what {@code lamin init|connect|disconnect|delete|login|migrate|settings} do
 * — over one settings directory ({@code $LAMIN_HOME}, default {@code ~/.lamin}).
 *
 * <pre>{@code
 * LaminSetup setup = LaminSetup.fromEnvironment();
 * try (LaminDB ln = setup.init(InitOptions.storage("./mydata"))) { ... }
 * }</pre>
 */
public final class LaminSetup {
  private final SettingsStore store;

  LaminSetup(SettingsStore store) {
    this.store = store;
  }

  /**
   * @return setup over {@code $LAMIN_HOME} (or {@code ~/.lamin}) and this process's environment
   */
  public static LaminSetup fromEnvironment() {
    return new LaminSetup(SettingsStore.fromEnvironment());
  }

  /**
   * @param home the settings directory to use
   * @param env environment variables to honour ({@code LAMIN_INSTANCE}, {@code LAMIN_CACHE_DIR})
   * @return setup over {@code home}
   */
  public static LaminSetup at(Path home, Map<String, String> env) {
    return new LaminSetup(new SettingsStore(home, env));
  }

  /**
   * @return the settings directory
   */
  public Path home() {
    return store.home();
  }

  /**
   * Creates an instance (or connects when it already exists with the same storage), makes it the
   * current one and returns a handle on it.
   */
  public LaminDB init(InitOptions options) {
    InstanceSettings s = InstanceManager.init(store, options);
    return LaminDB.open(InstanceManager.open(store, s, true));
  }

  /**
   * @return a handle on the current instance ({@code LAMIN_INSTANCE} or the last connected one)
   */
  public LaminDB connect() {
    InstanceSettings s =
        store
            .current()
            .orElseThrow(
                () ->
                    new InstanceException(
                        "no current instance; run `lamin init --storage <dir>` or `lamin connect <name>`"));
    return LaminDB.open(InstanceManager.open(store, s, true));
  }

  /**
   * @return a handle on instance {@code nameOrSlug} ({@code name} or {@code owner/name}); the
   *     default is unchanged
   */
  public LaminDB connect(String nameOrSlug) {
    return LaminDB.open(
        InstanceManager.open(
            store,
            org.lamindb.internal.setup.InstanceResolver.forConnect(store, nameOrSlug),
            true));
  }

  /**
   * Opens an instance read-only (see {@link LaminDB#db(String)}).
   *
   * @param ref {@code owner/name}, {@code name}, {@code lamin://owner/name}, a {@code sqlite:} path
   *     or a {@code postgresql://} URL
   * @return a read-only handle
   */
  public LaminDB db(String ref) {
    if (ref == null || ref.isBlank()) {
      throw new InvalidArgumentException(
          "pass an instance (owner/name), a sqlite: path or a postgresql:// URL to db(..)");
    }
    return LaminDB.open(org.lamindb.internal.setup.InstanceResolver.openReadOnly(store, ref));
  }

  /**
   * Makes {@code nameOrSlug} the current instance after checking that it opens; returns its slug.
   */
  public String setCurrent(String nameOrSlug) {
    InstanceSettings s = org.lamindb.internal.setup.InstanceResolver.forConnect(store, nameOrSlug);
    InstanceManager.open(store, s, true).close();
    if (store.instance(s.owner(), s.name()).isEmpty()) {
      store.save(s, false);
    }
    store.setCurrent(s);
    return s.slug();
  }

  /**
   * @return the instance catalog in use: {@code LAMIN_CATALOG}, else the one set with {@link
   *     #catalog(String)}
   */
  public Optional<String> catalog() {
    return org.lamindb.internal.setup.Catalog.configuredUri(store);
  }

  /**
   * Sets the instance catalog ({@code lamin settings catalog set <uri>}); null unsets it.
   *
   * @param uri a folder, {@code file:}, {@code s3://bucket/prefix}, {@code gs://bucket/prefix} or
   *     {@code postgresql://host/db[?schema=s]} without password
   */
  public void catalog(String uri) {
    org.lamindb.internal.setup.Catalog.configure(store, uri);
  }

  /**
   * Publishes instance {@code nameOrSlug} to the catalog: a descriptor without secrets (database
   * URL without user and password), so team members can {@code connect} or {@code db(..)} it by
   * name.
   *
   * @return what the catalog now holds
   */
  public CatalogEntry publish(String nameOrSlug) {
    try (var inst = InstanceManager.open(store, store.resolve(nameOrSlug), false)) {
      return org.lamindb.internal.setup.Publisher.publish(store, inst).toEntry();
    }
  }

  /**
   * Writes a read-only SQLite clone of PostgreSQL instance {@code nameOrSlug} into its storage
   * ({@code .lamindb/clone.db}); with {@code publish}, records it in the catalog, where readers
   * without database credentials find it.
   *
   * @return the clone's location
   */
  public String cloneInstance(String nameOrSlug, boolean publish) {
    try (var inst = InstanceManager.open(store, store.resolve(nameOrSlug), false)) {
      return org.lamindb.internal.setup.Publisher.cloneInstance(store, inst, publish);
    }
  }

  /**
   * @return the instances the catalog lists
   * @throws InstanceException when no catalog is configured or it cannot be read
   */
  public List<CatalogEntry> catalogInstances() {
    return org.lamindb.internal.setup.Publisher.list(store).stream()
        .map(org.lamindb.internal.setup.InstanceDescriptor::toEntry)
        .toList();
  }

  /** Forgets the current instance. */
  public void disconnect() {
    store.clearCurrent();
  }

  /**
   * @return slug of the current instance, if any
   */
  public Optional<String> current() {
    return store.current().map(InstanceSettings::slug);
  }

  /**
   * @return slugs of all instances known in this settings directory
   */
  public List<String> instances() {
    return store.instances().stream().map(InstanceSettings::slug).toList();
  }

  /**
   * Deletes an instance: its database, the {@code .lamindb/} folder of its local storage and its
   * settings; never files outside {@code .lamindb/}.
   *
   * @param force must be true; false throws without deleting anything
   * @return what was removed
   */
  public List<String> delete(String nameOrSlug, boolean force) {
    return InstanceManager.delete(store, nameOrSlug, force);
  }

  /**
   * Migrates an instance's schemas to the latest versions this lamindb-java knows.
   *
   * @return schema version per module
   */
  public Map<String, Integer> migrate(String nameOrSlug) {
    return InstanceManager.migrate(store, store.resolve(nameOrSlug), Map.of());
  }

  /**
   * Lists the migrations {@link #migrate} would apply, without writing anything.
   *
   * @return one line per pending migration, e.g. {@code lamindb 3: save intents}; empty when the
   *     instance is up to date
   * @throws InstanceException when the instance's schema is newer than this lamindb-java
   */
  public List<String> pendingMigrations(String nameOrSlug) {
    return InstanceManager.pendingMigrations(store.resolve(nameOrSlug));
  }

  /**
   * Migrates an instance to specific versions per module (older than latest), for testing upgrades.
   */
  public Map<String, Integer> migrateTo(String nameOrSlug, Map<String, Integer> versions) {
    return InstanceManager.migrate(store, store.resolve(nameOrSlug), versions);
  }

  /**
   * Sets the local user identity (no hub): later records are created by this user.
   *
   * @param handle e.g. {@code alice}: letters, digits, '-', '_' and '.'
   * @return the user's uid (8 base62 characters derived from the handle)
   */
  public String login(String handle) {
    if (handle == null || !handle.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,29}")) {
      throw new InvalidArgumentException(
          "invalid handle '" + handle + "': use up to 30 letters, digits, '.', '_' or '-'");
    }
    String uid = userUid(handle);
    store.saveUser(new SettingsStore.UserSettings(handle, uid, null));
    return uid;
  }

  /**
   * @return the current user's handle ({@code anonymous} until {@link #login})
   */
  public String user() {
    return store.currentUser().handle();
  }

  static String userUid(String handle) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("MD5")
              .digest(handle.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        s.append(Uids.BASE62.charAt((d[i] & 0xff) % 62));
      }
      return s.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sets the default storage for new artifacts of the current instance (LaminDB's {@code
   * ln.settings.storage = ...}): a local folder or bucket, registered and marked as managed by the
   * instance if it is new. The metadata database stays where it is.
   *
   * @param storage a folder, {@code s3://bucket/prefix} or {@code gs://bucket/prefix}
   * @return the normalized root
   */
  public String defaultStorage(String storage) {
    var s =
        store
            .current()
            .orElseThrow(
                () -> new InstanceException("no current instance; run `lamin connect <name>`"));
    return InstanceManager.setDefaultStorage(store, s, storage);
  }

  /**
   * @return the cache directory
   */
  public Path cacheDir() {
    return store.cacheDir();
  }

  /** Sets the cache directory (null resets to the default). */
  public void cacheDir(Path dir) {
    store.setCacheDir(dir);
  }

  /**
   * @return settings and identity of the current instance without connecting to its database
   */
  public Optional<InstanceInfo> info() {
    return store.current().map(s -> info(s, Map.of()));
  }

  InstanceInfo info(InstanceSettings s, Map<String, Integer> versions) {
    return new InstanceInfo(
        s.slug(),
        s.defaultStorage(),
        s.isSqlite()
            ? "sqlite:" + s.storageRoot() + "/.lamindb/lamin.db"
            : org.lamindb.internal.db.PostgresUrl.parse(s.db()).redacted(),
        s.modules(),
        versions,
        store.cacheDir(),
        store.home(),
        store.currentUser().handle());
  }

  SettingsStore store() {
    return store;
  }
}
