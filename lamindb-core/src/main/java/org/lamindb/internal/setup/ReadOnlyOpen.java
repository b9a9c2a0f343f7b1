package org.lamindb.internal.setup;

import static org.lamindb.internal.core.RecordStore.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.lamindb.InstanceException;
import org.lamindb.internal.core.CoreModule;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.Modules;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.db.Database;
import org.lamindb.internal.db.Migrator;
import org.lamindb.internal.db.PostgresUrl;
import org.lamindb.spi.LaminModule;

/**
 * Opens instances read-only for {@code LaminDB.db(..)}: SQLite with {@code mode=ro}, PostgreSQL
 * with read-only sessions, no migration, no seed rows, no user row written. The handle queries like
 * any other; every write fails with {@link org.lamindb.ReadOnlyException}.
 */
public final class ReadOnlyOpen {
  private ReadOnlyOpen() {}

  /**
   * @return true when {@code ref} names a database directly (a {@code sqlite:} path, a {@code .db}
   *     file, a storage folder or a PostgreSQL URL) rather than an instance by name
   */
  public static boolean isDatabaseUri(String ref) {
    String r = ref.strip();
    return r.startsWith("sqlite:")
        || r.startsWith("postgresql://")
        || r.startsWith("postgres://")
        || r.startsWith("jdbc:")
        || r.endsWith(".db")
        || r.startsWith("/")
        || r.startsWith("./")
        || r.startsWith("../")
        || r.startsWith("file:");
  }

  /** Opens a database URI ({@link #isDatabaseUri}) read-only. */
  public static Instance openUri(SettingsStore store, String uri) {
    String r = uri.strip();
    if (r.startsWith("postgresql://") || r.startsWith("postgres://") || r.startsWith("jdbc:")) {
      PostgresUrl url = Credentials.complete(PostgresUrl.parse(r), store.env());
      Database db = Database.postgresReadOnly(url, url.redacted());
      return build(store, null, db, "db", url.database(), url.original());
    }
    Path file = sqliteFile(r);
    Database db = Database.sqliteReadOnly(file, file.toString());
    Path parent = file.getParent();
    String stem =
        parent != null
                && parent.getFileName() != null
                && parent.getFileName().toString().equals(".lamindb")
                && parent.getParent() != null
                && parent.getParent().getFileName() != null
            ? parent.getParent().getFileName().toString()
            : file.getFileName().toString().replaceFirst("\\.db$", "");
    return build(store, null, db, "db", stem, null);
  }

  /** Opens an instance known by its settings (local, or from a catalog descriptor) read-only. */
  public static Instance openSettings(SettingsStore store, InstanceSettings s) {
    Database db;
    if (s.isSqlite()) {
      db =
          Database.sqliteReadOnly(
              Path.of(s.storageRoot(), ".lamindb", "lamin.db"), "instance " + s.slug());
    } else {
      PostgresUrl url = Credentials.complete(PostgresUrl.parse(s.db()), store.env());
      db = Database.postgresReadOnly(url, "instance " + s.slug());
    }
    return build(store, s, db, s.owner(), s.name(), s.db());
  }

  /** Opens a SQLite file (a clone) read-only on behalf of instance settings {@code s}. */
  public static Instance openSqliteAs(SettingsStore store, InstanceSettings s, Path file) {
    Database db = Database.sqliteReadOnly(file, "clone of " + s.slug());
    InstanceSettings asSqlite =
        new InstanceSettings(
            s.owner(), s.name(), s.storageRoot(), null, s.modules(), s.id(), s.extra());
    return build(store, asSqlite, db, s.owner(), s.name(), null);
  }

  static Path sqliteFile(String r) {
    String p = r;
    if (p.startsWith("sqlite:")) {
      p = p.substring("sqlite:".length());
      if (p.startsWith("///")) {
        p = p.substring(2);
      } else if (p.startsWith("//")) {
        p = p.substring(2);
      }
    } else if (p.startsWith("file:")) {
      p = Path.of(java.net.URI.create(p)).toString();
    }
    Path f = Path.of(p).toAbsolutePath().normalize();
    if (Files.isDirectory(f)) {
      Path inner = f.resolve(".lamindb").resolve("lamin.db");
      if (Files.isRegularFile(inner)) {
        return inner;
      }
      throw new InstanceException(
          "no LaminDB database in folder " + f + " (looked for .lamindb/lamin.db)");
    }
    return f;
  }

  private static Instance build(
      SettingsStore store,
      InstanceSettings known,
      Database db,
      String owner,
      String name,
      String dbUrl) {
    try {
      List<LaminModule> modules;
      if (known != null) {
        modules = Modules.resolve(known.modules());
      } else {
        List<String> names = new ArrayList<>();
        for (LaminModule m : Modules.available().values()) {
          if (!m.name().equals(CoreModule.NAME) && Migrator.currentVersion(db, m.name()) > 0) {
            names.add(m.name());
          }
        }
        modules = Modules.resolve(names);
      }
      Map<String, Integer> versions = new LinkedHashMap<>();
      for (LaminModule m : modules) {
        int current = Migrator.currentVersion(db, m.name());
        int latest = Migrator.latestVersion(m);
        String what = known == null ? db.description() : "instance " + known.slug();
        if (current == 0 && m.name().equals(CoreModule.NAME)) {
          throw new InstanceException(
              what + " is not a LaminDB instance (it has no lamindb schema history)");
        }
        if (current != latest) {
          throw new InstanceException(
              what
                  + " has '"
                  + m.name()
                  + "' schema version "
                  + current
                  + (current > latest
                      ? ", newer than this lamindb-java reads ("
                          + latest
                          + "); upgrade lamindb-java"
                      : ", older than this lamindb-java reads ("
                          + latest
                          + "); its owner can upgrade it with `lamin migrate`"));
        }
        versions.put(m.name(), current);
      }
      Record st =
          db.dsl()
              .select(col("id"), col("root"))
              .from(RecordStore.table(CoreRegistries.STORAGE))
              .where(known == null ? col("id").isNotNull() : col("root").eq(known.defaultStorage()))
              .orderBy(col("id"))
              .limit(1)
              .fetchOne();
      if (st == null) {
        throw new InstanceException(
            (known == null ? db.description() : "instance " + known.slug())
                + " has no storage location registered");
      }
      String root = (String) st.get(1);
      InstanceSettings s = known;
      if (s == null) {
        String o = owner;
        String n = name;
        if (!root.contains("://")) {
          var marker = StorageMarker.read(Path.of(root)).orElse(null);
          if (marker != null
              && marker.instanceSlug() != null
              && marker.instanceSlug().contains("/")) {
            o = marker.instanceSlug().substring(0, marker.instanceSlug().indexOf('/'));
            n = marker.instanceSlug().substring(marker.instanceSlug().indexOf('/') + 1);
          }
        }
        List<String> mods = new ArrayList<>();
        for (LaminModule m : modules) {
          if (!m.name().equals(CoreModule.NAME)) {
            mods.add(m.name());
          }
        }
        s = new InstanceSettings(o, n, root, dbUrl, List.copyOf(mods), null, Map.of());
      }
      Instance inst = new Instance(s, store, db, modules, versions);
      Record u =
          db.dsl()
              .select(col("id"))
              .from(RecordStore.table(CoreRegistries.USER))
              .where(col("uid").eq(store.currentUser().uid()))
              .fetchOne();
      if (u == null) {
        u =
            db.dsl()
                .select(col("id"))
                .from(RecordStore.table(CoreRegistries.USER))
                .orderBy(col("id"))
                .limit(1)
                .fetchOne();
      }
      long userId = u == null ? 0 : ((Number) u.get(0)).longValue();
      inst.setContext(userId, store.currentUser().handle(), ((Number) st.get(0)).longValue(), root);
      return inst;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }
}
