package org.lamindb.internal.setup;

import static org.lamindb.internal.core.RecordStore.col;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.Record;
import org.lamindb.InitOptions;
import org.lamindb.InstanceException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.Modules;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.core.Uids;
import org.lamindb.internal.db.Database;
import org.lamindb.internal.db.Migrator;
import org.lamindb.internal.db.PostgresUrl;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.LaminModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, opens, migrates and deletes instances. {@code init} checks everything it can before
 * writing (name, storage folder, marker of another instance, database reachability) and undoes what
 * it created when a later step fails, so a failed init leaves nothing half-created.
 */
public final class InstanceManager {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceManager.class);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

  private InstanceManager() {}

  /**
   * @return the validated instance name
   */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidArgumentException(
          "invalid instance name '"
              + name
              + "': use lower-case letters, digits, '.', '_' and '-', starting with a"
              + " letter or digit (e.g. my-data)");
    }
    return name;
  }

  /**
   * @return the normalized storage root: an absolute POSIX path, or {@code s3://bucket/prefix}
   */
  public static String normalizeRoot(String storage) {
    if (storage == null || storage.isBlank()) {
      throw new InvalidArgumentException(
          "pass a storage location, e.g. --storage ./mydata or s3://bucket/prefix");
    }
    String s = storage.strip();
    if (s.startsWith("s3://") || s.startsWith("gs://")) {
      String r = s.replaceAll("/+$", "");
      if (r.length() <= 5) {
        throw new InvalidArgumentException(
            "storage '" + storage + "' names no bucket; use s3://bucket[/prefix]");
      }
      return r;
    }
    if (s.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !s.startsWith("file://")) {
      throw new InvalidArgumentException(
          "unsupported storage '"
              + storage
              + "': use a local folder, s3://bucket/prefix or gs://bucket/prefix");
    }
    if (s.startsWith("file://")) {
      s = s.substring("file://".length());
    }
    Path p = Path.of(s).toAbsolutePath().normalize();
    try {
      if (Files.exists(p)) {
        p = p.toRealPath();
      }
    } catch (IOException e) {
      // keep the normalized path
    }
    String r = p.toString().replace('\\', '/');
    return r.length() > 1 ? r.replaceAll("/+$", "") : r;
  }

  static boolean isCloud(String root) {
    return root.startsWith("s3://") || root.startsWith("gs://");
  }

  /**
   * @return LaminDB's local instance id: UUID5(URL namespace, "owner/name") as 32 hex characters
   */
  static String instanceId(String owner, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      long msb = URL_NAMESPACE.getMostSignificantBits();
      long lsb = URL_NAMESPACE.getLeastSignificantBits();
      for (int i = 7; i >= 0; i--) {
        sha1.update((byte) (msb >>> (8 * i)));
      }
      for (int i = 7; i >= 0; i--) {
        sha1.update((byte) (lsb >>> (8 * i)));
      }
      byte[] h = sha1.digest((owner + "/" + name).getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @return the instance uid: first 12 base62 characters of md5(id)
   */
  static String instanceUid(String id) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(id.getBytes(StandardCharsets.UTF_8));
      String b62 = Uids.encode(0, 1);
      BigInteger v = new BigInteger(1, d);
      StringBuilder s = new StringBuilder();
      BigInteger base = BigInteger.valueOf(62);
      while (v.signum() > 0) {
        BigInteger[] qr = v.divideAndRemainder(base);
        s.append(Uids.BASE62.charAt(qr[1].intValue()));
        v = qr[0];
      }
      String enc = s.reverse().toString();
      return (enc.isEmpty() ? b62 : enc + "000000000000").substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates an instance (or re-connects when the same instance exists) and makes it current;
   * atomic: a failing step leaves storage and database as they were ({@link InstanceInit}).
   *
   * @return its settings
   */
  public static InstanceSettings init(SettingsStore store, InitOptions o) {
    return InstanceInit.init(store, o);
  }

  /** Makes sure the user row exists; returns its id. */
  static long ensureUser(Database db, org.jooq.DSLContext ctx, SettingsStore.UserSettings u) {
    Record r =
        ctx.select(col("id"), col("handle"))
            .from(RecordStore.table(CoreRegistries.USER))
            .where(col("uid").eq(u.uid()))
            .fetchOne();
    if (r != null) {
      return ((Number) r.get(0)).longValue();
    }
    var now = db.toSql(org.lamindb.spi.FieldType.DATETIME, RecordStore.now());
    Record id =
        ctx.insertInto(RecordStore.table(CoreRegistries.USER))
            .set(col("uid"), u.uid())
            .set(col("handle"), u.handle())
            .set(col("name"), u.name())
            .set(col("created_at"), now)
            .set(col("updated_at"), now)
            .returningResult(col("id"))
            .fetchOne();
    return ((Number) id.get(0)).longValue();
  }

  /**
   * Opens an instance: connects, migrates older schemas, refuses newer ones, loads user and
   * storage.
   *
   * @param migrate false only to read the schema state without changing it
   */
  public static Instance open(SettingsStore store, InstanceSettings s, boolean migrate) {
    List<LaminModule> modules = Modules.resolve(s.modules());
    Database db;
    if (s.isSqlite()) {
      Path file = Path.of(s.storageRoot(), ".lamindb", "lamin.db");
      if (!Files.exists(file)) {
        throw new InstanceException(
            "instance "
                + s.slug()
                + ": its database "
                + file
                + " is missing; was the storage folder moved or"
                + " deleted? Fix the path in "
                + store.home()
                + " or run `lamin delete --force "
                + s.slug()
                + "`");
      }
      db = Database.sqlite(file);
    } else {
      db = Database.postgres(Credentials.complete(PostgresUrl.parse(s.db()), store.env()));
    }
    try {
      Map<String, Integer> versions = new LinkedHashMap<>();
      for (LaminModule m : modules) {
        int current = Migrator.currentVersion(db, m.name());
        int latest = Migrator.latestVersion(m);
        if (current > latest) {
          throw new InstanceException(
              "instance "
                  + s.slug()
                  + " has '"
                  + m.name()
                  + "' schema version "
                  + current
                  + ", newer than this lamindb-java supports ("
                  + latest
                  + "); upgrade lamindb-java");
        }
        if (current < latest && migrate) {
          LOG.info(
              "migrating {} module {} from version {} to {}", s.slug(), m.name(), current, latest);
          current = Migrator.migrate(db, m, 0);
        }
        versions.put(m.name(), current);
      }
      Instance inst = new Instance(s, store, db, modules, versions);
      if (versions.getOrDefault("lamindb", 0) == 0) {
        return inst;
      }
      final Database d = db;
      long[] ids =
          db.transaction(
              ctx -> {
                long userId = ensureUser(d, ctx, store.currentUser());
                Record st =
                    ctx.select(col("id"))
                        .from(RecordStore.table(CoreRegistries.STORAGE))
                        .where(col("root").eq(s.defaultStorage()))
                        .fetchOne();
                if (st == null) {
                  throw new InstanceException(
                      "instance "
                          + s.slug()
                          + " has no storage row for "
                          + s.defaultStorage()
                          + "; its settings do not match its database (reset with `lamin settings storage set "
                          + s.storageRoot()
                          + "`)");
                }
                return new long[] {userId, ((Number) st.get(0)).longValue()};
              });
      inst.setContext(ids[0], store.currentUser().handle(), ids[1], s.defaultStorage());
      return inst;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Deletes an instance: its database (SQLite file, or its tables on PostgreSQL), the {@code
   * .lamindb/} folder of its local storage (marker and auto-managed files), and its settings. Files
   * outside {@code .lamindb/} are kept.
   *
   * @return what was removed, one line each
   */
  public static List<String> delete(SettingsStore store, String ref, boolean force) {
    InstanceSettings s = store.resolve(ref);
    if (!force) {
      throw new InstanceException(
          "refusing to delete instance "
              + s.slug()
              + " without --force: it removes its database and "
              + s.storageRoot()
              + "/.lamindb (files registered elsewhere in the storage are kept)");
    }
    List<String> removed = new ArrayList<>();
    if (!s.isSqlite()) {
      try (Database db = Database.postgres(PostgresUrl.parse(s.db()))) {
        removed.addAll(dropTables(db, Modules.resolve(s.modules())));
      }
    }
    if (!isCloud(s.storageRoot())) {
      Path dir = Path.of(s.storageRoot(), ".lamindb");
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
          removed.add(dir.toString());
        } catch (IOException e) {
          throw new InstanceException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
      }
    } else {
      LOG.warn(
          "objects in {}/.lamindb are kept; remove them with your cloud tools", s.storageRoot());
    }
    store.remove(s);
    removed.add("settings of " + s.slug());
    return removed;
  }

  static List<String> dropTables(Database db, List<LaminModule> modules) {
    List<String> dropped = new ArrayList<>();
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")) {
        while (rs.next()) {
          String t = rs.getString(1);
          for (LaminModule m : modules) {
            if (t.startsWith(m.name() + "_")) {
              tables.add(t);
            }
          }
        }
      }
      for (String t : tables) {
        st.execute("DROP TABLE IF EXISTS " + t + " CASCADE");
        dropped.add("table " + t);
      }
    } catch (SQLException e) {
      throw new InstanceException("cannot drop the tables of the instance: " + e.getMessage(), e);
    }
    return dropped;
  }

  /**
   * @return one line per migration that {@link #migrate} would apply ({@code lamindb 3: save
   *     intents}); writes nothing
   */
  public static List<String> pendingMigrations(InstanceSettings s) {
    List<LaminModule> modules = Modules.resolve(s.modules());
    try (Database db =
        s.isSqlite()
            ? Database.sqlite(Path.of(s.storageRoot(), ".lamindb", "lamin.db"))
            : Database.postgres(PostgresUrl.parse(s.db()))) {
      List<String> out = new ArrayList<>();
      for (LaminModule m : modules) {
        for (var mig : Migrator.pending(db, m)) {
          out.add(m.name() + " " + mig.version() + ": " + mig.description());
        }
      }
      return out;
    }
  }

  /** Migrates every module of an instance to its latest version; returns the versions. */
  public static Map<String, Integer> migrate(
      SettingsStore store, InstanceSettings s, Map<String, Integer> targets) {
    List<LaminModule> modules = Modules.resolve(s.modules());
    try (Database db =
        s.isSqlite()
            ? Database.sqlite(Path.of(s.storageRoot(), ".lamindb", "lamin.db"))
            : Database.postgres(PostgresUrl.parse(s.db()))) {
      Map<String, Integer> versions = new LinkedHashMap<>();
      for (LaminModule m : modules) {
        versions.put(m.name(), Migrator.migrate(db, m, targets.getOrDefault(m.name(), 0)));
      }
      return versions;
    }
  }

  /**
   * Makes {@code storage} the default storage for new artifacts of instance {@code s}: registers it
   * (writing its marker) unless it is registered already, then records it in the settings. Refuses
   * a location managed by another instance.
   *
   * @return the normalized root
   */
  public static String setDefaultStorage(SettingsStore store, InstanceSettings s, String storage) {
    String root = normalizeRoot(storage);
    try (Instance inst = open(store, s, true)) {
      Record existing =
          inst.db()
              .dsl()
              .select(col("id"))
              .from(RecordStore.table(CoreRegistries.STORAGE))
              .where(col("root").eq(root))
              .fetchOne();
      if (existing == null) {
        List<Path> created = new ArrayList<>();
        try {
          if (!isCloud(root)) {
            InstanceInit.prepareLocalRoot(Path.of(root), s.slug(), created);
          }
          String iuid = instanceUid(s.id() == null ? instanceId(s.owner(), s.name()) : s.id());
          String uid =
              inst.db()
                  .transaction(
                      ctx -> {
                        String u = Uids.random(12);
                        var now =
                            inst.db().toSql(org.lamindb.spi.FieldType.DATETIME, RecordStore.now());
                        ctx.insertInto(RecordStore.table(CoreRegistries.STORAGE))
                            .set(col("uid"), u)
                            .set(col("root"), root)
                            .set(
                                col("type"),
                                root.startsWith("s3://")
                                    ? "s3"
                                    : root.startsWith("gs://") ? "gs" : "local")
                            .set(col("instance_uid"), iuid)
                            .set(col("created_by_id"), inst.userId())
                            .set(col("created_at"), now)
                            .set(col("updated_at"), now)
                            .execute();
                        return u;
                      });
          StorageMarker marker = new StorageMarker(uid, s.slug(), iuid);
          if (isCloud(root)) {
            CloudMarker.write(root, marker);
          } else {
            marker.write(Path.of(root));
          }
        } catch (IOException e) {
          InstanceInit.undo(created);
          throw new InstanceException("cannot register storage " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
          InstanceInit.undo(created);
          throw e;
        }
      }
    }
    InstanceSettings updated = s.withDefaultStorage(root);
    boolean current = store.current().map(c -> c.slug().equals(s.slug())).orElse(false);
    store.save(updated, current);
    return root;
  }

  /**
   * @return the dialect an instance uses
   */
  public static Dialect dialect(InstanceSettings s) {
    return s.isSqlite() ? Dialect.SQLITE : Dialect.POSTGRES;
  }
}
