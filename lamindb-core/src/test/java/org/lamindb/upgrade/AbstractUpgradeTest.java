package org.lamindb.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InstanceException;
import org.lamindb.internal.core.CoreModule;
import org.lamindb.internal.db.Database;
import org.lamindb.internal.db.Migrator;
import org.lamindb.internal.storage.Hashing;

/**
 * Upgrades a frozen instance of core schema version 2 (committed under {@code upgrade/v2}, made by
 * the code before migration 3) to the latest version: row counts and artifact hashes are the same
 * before and after, and every artifact's file still hashes to its row. An instance of a newer
 * schema than the code is refused without writing.
 */
abstract class AbstractUpgradeTest {
  @TempDir Path tmp;

  /**
   * @return the frozen database, copied so the test may change it; its storage folder is at {@code
   *     tmp/storage}
   */
  abstract Database openFrozen() throws Exception;

  static Path resources() {
    return Path.of("src/test/resources/upgrade/v2");
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  /** Row count per lamindb_ table (sorted). */
  static Map<String, Long> counts(Database db) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = db.connection();
        Statement s = c.createStatement()) {
      java.util.List<String> tables = new java.util.ArrayList<>();
      String sql =
          db.dialect() == org.lamindb.spi.Dialect.SQLITE
              ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'lamindb%'"
              : "SELECT table_name FROM information_schema.tables"
                  + " WHERE table_schema = current_schema() AND table_name LIKE 'lamindb%'";
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        if (t.equals("lamindb_migrations")) {
          continue;
        }
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
          rs.next();
          out.put(t, rs.getLong(1));
        }
      }
    }
    return out;
  }

  /** uid → hash of every artifact row. */
  static Map<String, String> hashes(Database db) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT uid, hash FROM lamindb_artifact")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /** Every artifact's file in the copied storage hashes to its row. */
  void assertFilesMatchRows(Database db) throws Exception {
    int checked = 0;
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT uid, suffix, hash, n_files, _overwrite_versions FROM lamindb_artifact")) {
      while (rs.next()) {
        String uid = rs.getString(1);
        boolean folder = rs.getObject(4) != null;
        Path p =
            tmp.resolve(
                "storage/.lamindb/" + (folder ? uid.substring(0, 16) : uid) + rs.getString(2));
        String actual = folder ? Hashing.hashDir(p).hash() : Hashing.hashFile(p).hash();
        assertThat(actual).as("hash of " + uid).isEqualTo(rs.getString(3));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(7);
  }

  @Test
  void migrationThreeUpgradesTheFrozenInstanceKeepingEveryRowAndHash() throws Exception {
    try (Database db = openFrozen()) {
      CoreModule core = new CoreModule();
      assertThat(Migrator.currentVersion(db, "lamindb")).isEqualTo(2);
      int latest = Migrator.latestVersion(core);
      assertThat(Migrator.pending(db, core))
          .extracting(m -> m.version())
          .startsWith(3)
          .hasSize(latest - 2);
      Map<String, Long> before = counts(db);
      Map<String, String> hashesBefore = hashes(db);
      assertThat(before).containsEntry("lamindb_artifact", 7L).containsEntry("lamindb_ulabel", 1L);
      assertThat(before).doesNotContainKey("lamindb_saveintent");
      assertFilesMatchRows(db);

      assertThat(Migrator.migrate(db, core, 0)).isEqualTo(latest);

      assertThat(Migrator.currentVersion(db, "lamindb")).isEqualTo(latest);
      assertThat(Migrator.pending(db, core)).isEmpty();
      Map<String, Long> after = counts(db);
      assertThat(after).containsEntry("lamindb_saveintent", 0L);
      // tables that later migrations add start empty; every table of version 2 keeps its rows
      after.keySet().retainAll(before.keySet());
      assertThat(after).isEqualTo(before);
      assertThat(hashes(db)).isEqualTo(hashesBefore);
      assertFilesMatchRows(db);
    }
  }

  @Test
  void aSchemaNewerThanTheCodeIsRefusedWithoutWriting() throws Exception {
    try (Database db = openFrozen()) {
      try (Connection c = db.connection();
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO lamindb_migrations (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'future',"
                + " 'JDBC', 'x', 0, 'test', 0, true)");
      }
      Map<String, Long> before = counts(db);
      CoreModule core = new CoreModule();
      assertThatThrownBy(() -> Migrator.migrate(db, core, 0))
          .isInstanceOf(InstanceException.class)
          .hasMessageContaining("schema is at version 99")
          .hasMessageContaining("upgrade lamindb-java")
          .hasMessageContaining("nothing was written");
      assertThatThrownBy(() -> Migrator.pending(db, core)).isInstanceOf(InstanceException.class);
      assertThat(counts(db)).isEqualTo(before).doesNotContainKey("lamindb_saveintent");
    }
  }
}
