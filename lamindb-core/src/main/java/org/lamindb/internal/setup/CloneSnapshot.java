package org.lamindb.internal.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lamindb.InstanceException;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.db.Database;
import org.lamindb.internal.db.Migrator;
import org.lamindb.internal.storage.StorageBackends;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.LaminModule;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;

/**
 * Read-only clones: a SQLite snapshot of a PostgreSQL instance, written into the instance's storage
 * at {@code .lamindb/clone.db} and fetched into {@code $LAMIN_HOME/clones/} by readers without
 * database credentials; a cached clone is downloaded again only when the catalog's clone time or
 * the stored object's ETag (for local storage: size and modification time) changed.
 */
public final class CloneSnapshot {
  static final String KEY = ".lamindb/clone.db";
  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

  private CloneSnapshot() {}

  /**
   * Writes a SQLite snapshot of open instance {@code inst} into its storage.
   *
   * @return the clone's location
   */
  public static String write(Instance inst) {
    Path tmp;
    try {
      tmp = Files.createTempFile("lamin-clone-", ".db");
      Files.delete(tmp);
    } catch (IOException e) {
      throw new InstanceException("cannot create a temporary file for the clone: " + e, e);
    }
    try {
      try (Database lite = Database.sqlite(tmp)) {
        for (LaminModule m : inst.modules()) {
          Migrator.migrate(lite, m, 0);
        }
        copyRows(inst.db(), lite);
      }
      Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + "-wal"));
      Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + "-shm"));
      String root = inst.settings().storageRoot();
      try (StorageBackend b = StorageBackends.forRoot(root, java.util.Map.of())) {
        b.upload(tmp, KEY, TransferProgress.NONE);
      }
      return root + "/" + KEY;
    } catch (IOException | SQLException e) {
      throw new InstanceException(
          "cannot write the read-only clone of " + inst.settings().slug() + ": " + e.getMessage(),
          e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // temporary file only
      }
    }
  }

  private static void copyRows(Database pg, Database lite) throws SQLException {
    // every row of every table the SQLite schema has, values converted to SQLite's encodings
    try (Connection to = lite.connection();
        Connection from = pg.connection()) {
      try (Statement st = to.createStatement()) {
        st.execute("PRAGMA foreign_keys=OFF");
      }
      List<String> tables = new ArrayList<>();
      try (Statement st = to.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                      + " ORDER BY name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      Set<String> source = new java.util.HashSet<>();
      try (Statement st = from.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT table_name FROM information_schema.tables"
                      + " WHERE table_schema = current_schema()")) {
        while (rs.next()) {
          source.add(rs.getString(1));
        }
      }
      to.setAutoCommit(false);
      for (String t : tables) {
        // SQLite-only tables (the notes' full-text index) are filled by triggers on insert
        if (!source.contains(t) || t.endsWith("_migrations") || t.startsWith("flyway")) {
          continue;
        }
        copyTable(from, to, t, lite);
      }
      to.commit();
      to.setAutoCommit(true);
      try (Statement st = to.createStatement()) {
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        st.execute("PRAGMA journal_mode=DELETE");
      }
    }
  }

  private static void copyTable(Connection from, Connection to, String table, Database lite)
      throws SQLException {
    List<String> cols = new ArrayList<>();
    try (Statement st = to.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
      while (rs.next()) {
        cols.add(rs.getString("name"));
      }
    }
    String list = String.join(", ", cols.stream().map(c -> "\"" + c + "\"").toList());
    try (Statement st = to.createStatement()) {
      st.executeUpdate("DELETE FROM \"" + table + "\"");
    }
    String marks = String.join(", ", cols.stream().map(c -> "?").toList());
    try (Statement sel = from.createStatement();
        ResultSet rs = sel.executeQuery("SELECT " + list + " FROM \"" + table + "\"");
        PreparedStatement ins =
            to.prepareStatement(
                "INSERT INTO \"" + table + "\" (" + list + ") VALUES (" + marks + ")")) {
      while (rs.next()) {
        for (int i = 1; i <= cols.size(); i++) {
          ins.setObject(i, toSqlite(lite, rs.getObject(i)));
        }
        ins.addBatch();
      }
      ins.executeBatch();
    }
  }

  static Object toSqlite(Database lite, Object v) {
    if (v == null || v instanceof Number || v instanceof String || v instanceof byte[]) {
      return v;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof java.sql.Timestamp
        || v instanceof java.time.OffsetDateTime
        || v instanceof java.time.LocalDateTime) {
      return lite.toSql(FieldType.DATETIME, Database.fromSql(FieldType.DATETIME, v));
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof java.sql.Array a) {
      try {
        return Database.json().writeValueAsString(a.getArray());
      } catch (IOException | SQLException e) {
        throw new IllegalStateException("cannot copy an array value: " + e.getMessage(), e);
      }
    }
    return v.toString();
  }

  /**
   * Fetches the clone named by {@code d} into {@code $LAMIN_HOME/clones/}, unless the cached copy
   * is current; announces its use once per process.
   *
   * @return the local SQLite file
   */
  public static Path fetch(SettingsStore store, InstanceDescriptor d) {
    Path dir = store.home().resolve("clones");
    Path file = dir.resolve(d.owner() + "--" + d.name() + ".db");
    Path version = dir.resolve(d.owner() + "--" + d.name() + ".version");
    String loc = d.cloneLocation();
    int cut = loc.lastIndexOf("/.lamindb/");
    String root = cut > 0 ? loc.substring(0, cut) : d.storageRoot();
    String key = cut > 0 ? loc.substring(cut + 1) : KEY;
    try (StorageBackend b = StorageBackends.forRoot(root, java.util.Map.of())) {
      Optional<ObjectStat> st = b.stat(key);
      if (st.isEmpty()) {
        throw new InstanceException(
            "the catalog names a read-only clone of "
                + d.slug()
                + " at "
                + loc
                + ", but there is none; its owner can write one with `lamin instance clone"
                + " --publish "
                + d.slug()
                + "`");
      }
      String tag = d.cloneCreatedAt() + " " + versionTag(st.get());
      boolean current =
          Files.isRegularFile(file)
              && Files.isRegularFile(version)
              && Files.readString(version, StandardCharsets.UTF_8).strip().equals(tag);
      if (!current) {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".clone-", ".db");
        b.download(key, tmp, TransferProgress.NONE);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(version, tag + "\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new InstanceException(
          "cannot fetch the read-only clone of " + d.slug() + " from " + loc + ": " + e, e);
    }
    if (ANNOUNCED.add(d.slug() + "@" + d.cloneCreatedAt())) {
      System.err.println(
          "→ using the read-only clone of " + d.slug() + " from " + d.cloneCreatedAt());
    }
    return file;
  }

  static String versionTag(ObjectStat st) {
    return st.hash() != null
        ? st.hash()
        : st.size() + "-" + (st.lastModified() == null ? "" : st.lastModified().toEpochMilli());
  }

  /**
   * @return now as the clone's creation time
   */
  static String now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
  }
}
