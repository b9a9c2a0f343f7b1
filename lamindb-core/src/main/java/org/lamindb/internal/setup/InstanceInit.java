package org.lamindb.internal.setup;

import static org.lamindb.internal.core.RecordStore.col;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.Record;
import org.lamindb.InitOptions;
import org.lamindb.InstanceException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminException;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Modules;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.core.Uids;
import org.lamindb.internal.db.Database;
import org.lamindb.internal.db.Migrator;
import org.lamindb.internal.db.PostgresUrl;
import org.lamindb.spi.LaminModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code init} of an instance, all or nothing: it checks everything it can before writing (name,
 * storage folder, marker of another instance, database reachability), and when a later step fails
 * (a module migration, the storage marker in object storage, the settings file) it undoes what it
 * created: the folders and SQLite file it made, and on a PostgreSQL database that held no instance
 * before, every table it created (so no storage row survives for a later init). The error is one
 * line naming the cause; the full cause chain stays attached for {@code --verbose}.
 */
final class InstanceInit {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceInit.class);

  private InstanceInit() {}

  /**
   * Creates an instance (or re-connects when the same instance exists) and makes it current.
   *
   * @return its settings
   */
  static InstanceSettings init(SettingsStore store, InitOptions o) {
    String root = InstanceManager.normalizeRoot(o.storage());
    PostgresUrl pg = o.db() == null ? null : PostgresUrl.parse(o.db());
    if (pg == null && InstanceManager.isCloud(root)) {
      throw new InvalidArgumentException(
          "an instance with storage "
              + root
              + " needs a PostgreSQL database: pass --db postgresql://...");
    }
    String name =
        o.name() != null
            ? o.name()
            : pg != null
                ? pg.database().toLowerCase(Locale.ROOT)
                : root.substring(root.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    InstanceManager.checkName(name);
    List<LaminModule> modules = Modules.resolve(o.modules());
    String owner = store.currentUser().handle();
    String slug = owner + "/" + name;
    var existing = store.instance(owner, name);
    if (existing.isPresent()) {
      InstanceSettings e = existing.get();
      boolean same = e.storageRoot().equals(root) && java.util.Objects.equals(e.db(), o.db());
      if (!same) {
        throw new InstanceException(
            "instance "
                + slug
                + " already exists with storage "
                + e.storageRoot()
                + (e.db() != null ? " and a PostgreSQL database" : "")
                + "; pick another --name, connect with `lamin connect "
                + slug
                + "`, or delete it first");
      }
      LOG.info("instance {} exists, connecting", slug);
      store.setCurrent(e);
      return e;
    }
    String id = InstanceManager.instanceId(owner, name);
    String iuid = InstanceManager.instanceUid(id);
    List<Path> created = new ArrayList<>();
    Database db = null;
    Before before = Before.THIS_INSTANCE; // SQLite: the file itself is removed on failure
    try {
      if (!InstanceManager.isCloud(root)) {
        prepareLocalRoot(Path.of(root), slug, created);
      }
      Path sqliteFile = pg == null ? Path.of(root, ".lamindb", "lamin.db") : null;
      if (sqliteFile != null) {
        if (Files.exists(sqliteFile)) {
          throw new InstanceException(
              "storage "
                  + root
                  + " already holds a LaminDB database ("
                  + sqliteFile
                  + ") that is not marked as this instance's; connect to its instance or choose another --storage");
        }
        created.add(sqliteFile);
        created.add(Path.of(sqliteFile + "-wal"));
        created.add(Path.of(sqliteFile + "-shm"));
        db = Database.sqlite(sqliteFile);
      } else {
        db = Database.postgres(pg);
        before = checkDatabaseFree(db, iuid, pg);
      }
      Map<String, Integer> versions = new LinkedHashMap<>();
      for (LaminModule m : modules) {
        versions.put(m.name(), Migrator.migrate(db, m, 0));
      }
      String storageUid = seed(db, store, root, iuid);
      StorageMarker marker = new StorageMarker(storageUid, slug, iuid);
      if (InstanceManager.isCloud(root)) {
        CloudMarker.write(root, marker);
      } else {
        marker.write(Path.of(root));
      }
      List<String> modNames =
          modules.stream().map(LaminModule::name).filter(n -> !n.equals("lamindb")).toList();
      InstanceSettings s =
          new InstanceSettings(owner, name, root, o.db(), modNames, id, new LinkedHashMap<>());
      store.save(s, true);
      return s;
    } catch (RuntimeException | IOException e) {
      if (db != null) {
        try {
          if (before == Before.EMPTY) {
            InstanceManager.dropTables(db, modules);
          } else if (before == Before.SCHEMA_ONLY) {
            db.dsl()
                .deleteFrom(RecordStore.table(CoreRegistries.STORAGE))
                .where(col("instance_uid").eq(iuid))
                .execute();
          }
        } catch (RuntimeException undo) {
          e.addSuppressed(undo);
        }
        db.close();
      }
      undo(created);
      throw failure(slug, e);
    } finally {
      if (db != null) {
        db.close();
      }
    }
  }

  /**
   * @return {@code e} itself when it is ours and one short line, else an {@link InstanceException}
   *     with a one-line summary of the cause (the cause chain stays attached)
   */
  static LaminException failure(String slug, Exception e) {
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    boolean credentials = summary(e).startsWith("no AWS credentials");
    if (e instanceof LaminException le
        && !credentials
        && !msg.contains("\n")
        && msg.length() <= 300) {
      return le;
    }
    return new InstanceException("cannot initialize instance " + slug + ": " + summary(e), e);
  }

  /**
   * @return the innermost cause's message on one line; the AWS SDK's credentials provider chain
   *     dump becomes what to set
   */
  static String summary(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String all = e + " " + root;
    if (all.contains("Unable to load credentials")) {
      return "no AWS credentials found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or"
          + " AWS_PROFILE) and retry";
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    m = m.lines().findFirst().orElse("").strip();
    return m.length() > 200 ? m.substring(0, 199) + "…" : m;
  }

  static void prepareLocalRoot(Path root, String slug, List<Path> created) throws IOException {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new InstanceException(
          "storage " + root + " is a file, not a folder; pass a folder (it is created if missing)");
    }
    var marker = StorageMarker.read(root);
    if (marker.isPresent()) {
      String other = marker.get().instanceSlug();
      throw new InstanceException(
          "storage "
              + root
              + " is already managed by instance "
              + (other == null ? "(unknown)" : other)
              + (slug.equals(other)
                  ? " whose settings are gone; delete "
                      + root.resolve(StorageMarker.PATH)
                      + " and its lamin.db to start over"
                  : "; connect to it with `lamin connect "
                      + other
                      + "` or choose another --storage"));
    }
    try {
      mkdirs(root, created);
      mkdirs(root.resolve(".lamindb"), created);
      Path probe = Files.createTempFile(root.resolve(".lamindb"), ".write-probe", ".tmp");
      Files.delete(probe);
    } catch (FileAlreadyExistsException | NotDirectoryException e) {
      throw new InstanceException(
          "cannot create storage folder "
              + root
              + ": '"
              + e.getFile()
              + "' is a file; choose another --storage",
          e);
    } catch (IOException e) {
      throw new InstanceException(
          "storage "
              + root
              + " is not writable ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); choose a folder you can write to",
          e);
    }
    created.add(root.resolve(StorageMarker.PATH));
  }

  private static void mkdirs(Path dir, List<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      created.add(p);
    }
  }

  static void undo(List<Path> created) {
    List<Path> rev = new ArrayList<>(created);
    java.util.Collections.reverse(rev);
    for (Path p : rev) {
      try {
        if (Files.isDirectory(p)) {
          try (Stream<Path> s = Files.list(p)) {
            if (s.findAny().isPresent()) {
              continue;
            }
          }
        }
        Files.deleteIfExists(p);
      } catch (IOException e) {
        LOG.warn("could not remove {} while undoing a failed init: {}", p, e.getMessage());
      }
    }
  }

  /** What a PostgreSQL database held before init, deciding what a failed init removes again. */
  enum Before {
    /** No LaminDB tables: a failed init drops every table it created. */
    EMPTY,
    /** LaminDB tables without this instance's storage row: a failed init deletes its rows. */
    SCHEMA_ONLY,
    /** This instance's rows (its settings were lost): a failed init leaves the database alone. */
    THIS_INSTANCE
  }

  /**
   * @return what the database holds
   * @throws InstanceException when it holds another instance
   */
  private static Before checkDatabaseFree(Database db, String iuid, PostgresUrl pg) {
    try (Connection c = db.connection();
        var ps =
            c.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema()"
                    + " AND table_name = 'lamindb_storage'")) {
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Before.EMPTY;
        }
      }
      Before before = Before.SCHEMA_ONLY;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT DISTINCT instance_uid FROM lamindb_storage WHERE instance_uid IS NOT NULL")) {
        while (rs.next()) {
          if (iuid.equals(rs.getString(1))) {
            before = Before.THIS_INSTANCE;
          } else {
            throw new InstanceException(
                "database "
                    + pg.redacted()
                    + " already holds another LaminDB instance (uid "
                    + rs.getString(1)
                    + "); use another database or connect to that instance");
          }
        }
      }
      return before;
    } catch (SQLException e) {
      throw new InstanceException(
          "cannot inspect database " + pg.redacted() + ": " + e.getMessage(), e);
    }
  }

  /** Inserts the current user and the default storage row; returns the storage uid. */
  private static String seed(Database db, SettingsStore store, String root, String iuid) {
    return db.transaction(
        ctx -> {
          long userId = InstanceManager.ensureUser(db, ctx, store.currentUser());
          Record existing =
              ctx.select(col("uid"))
                  .from(RecordStore.table(CoreRegistries.STORAGE))
                  .where(col("root").eq(root).and(col("instance_uid").eq(iuid)))
                  .fetchOne();
          if (existing != null) {
            return (String) existing.get(0);
          }
          String uid = Uids.random(12);
          var now = db.toSql(org.lamindb.spi.FieldType.DATETIME, RecordStore.now());
          ctx.insertInto(RecordStore.table(CoreRegistries.STORAGE))
              .set(col("uid"), uid)
              .set(col("root"), root)
              .set(
                  col("type"),
                  root.startsWith("s3://") ? "s3" : root.startsWith("gs://") ? "gs" : "local")
              .set(col("instance_uid"), iuid)
              .set(col("created_by_id"), userId)
              .set(col("created_at"), now)
              .set(col("updated_at"), now)
              .execute();
          return uid;
        });
  }
}
