package org.lamindb.internal.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.lamindb.InstanceException;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.LaminModule;
import org.lamindb.spi.Migration;
import org.lamindb.spi.SchemaBuilder;

/**
 * Brings each module's tables to the module's latest schema version with Flyway (one history table
 * per module, {@code <module>_migrations}). Connecting checks the recorded version cheaply and runs
 * Flyway only when behind; an instance migrated by a newer lamindb-java is refused.
 */
public final class Migrator {
  private Migrator() {}

  /**
   * @return the schema version recorded for {@code module}, 0 when it has no history table yet
   */
  public static int currentVersion(Database db, String module) {
    String table = historyTable(module);
    try (Connection c = db.connection();
        Statement s = c.createStatement()) {
      if (!tableExists(c, db.dialect(), table)) {
        return 0;
      }
      int max = 0;
      try (ResultSet rs = s.executeQuery("SELECT version FROM " + table + " WHERE success")) {
        while (rs.next()) {
          String v = rs.getString(1);
          if (v != null && v.matches("\\d+")) {
            max = Math.max(max, Integer.parseInt(v));
          }
        }
      }
      return max;
    } catch (SQLException e) {
      throw new InstanceException(
          "cannot read the schema version of module '"
              + module
              + "' from "
              + db.description()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * @return the latest version the code of {@code module} knows
   */
  public static int latestVersion(LaminModule module) {
    List<Migration> ms = module.migrations();
    return ms.isEmpty() ? 0 : ms.get(ms.size() - 1).version();
  }

  /**
   * @return the migrations of {@code module} that {@link #migrate} would apply, in order (nothing
   *     is written)
   * @throws InstanceException when the instance's schema is newer than this code
   */
  public static List<Migration> pending(Database db, LaminModule module) {
    int current = currentVersion(db, module.name());
    int latest = latestVersion(module);
    if (current > latest) {
      throw newerSchema(module.name(), current, latest);
    }
    return module.migrations().stream().filter(m -> m.version() > current).toList();
  }

  static InstanceException newerSchema(String module, int current, int latest) {
    return new InstanceException(
        "this instance's '"
            + module
            + "' schema is at version "
            + current
            + ", newer than this lamindb-java supports (up to "
            + latest
            + "); upgrade lamindb-java to use it (nothing was written)");
  }

  /**
   * Migrates {@code module} to {@code target} (or its latest version when target is 0).
   *
   * @return the version after migrating
   */
  public static int migrate(Database db, LaminModule module, int target) {
    int current = currentVersion(db, module.name());
    int latest = latestVersion(module);
    if (current > latest) {
      throw newerSchema(module.name(), current, latest);
    }
    int goal = target <= 0 ? latest : target;
    if (current >= goal) {
      return current;
    }
    JavaMigration[] migrations =
        module.migrations().stream()
            .filter(m -> m.version() <= goal)
            .map(m -> new Adapter(m, db.dialect()))
            .toArray(JavaMigration[]::new);
    try {
      Flyway.configure(Migrator.class.getClassLoader())
          .dataSource(db.dataSource())
          .table(historyTable(module.name()))
          .locations("classpath:org/lamindb/internal/db/none")
          .failOnMissingLocations(false)
          .javaMigrations(migrations)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .target(MigrationVersion.fromVersion(Integer.toString(goal)))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new InstanceException(
          "migrating module '"
              + module.name()
              + "' of "
              + db.description()
              + " from version "
              + current
              + " to "
              + goal
              + " failed: "
              + Database.rootMessage(e),
          e);
    }
    return goal;
  }

  static String historyTable(String module) {
    return module + "_migrations";
  }

  static boolean tableExists(Connection c, Dialect dialect, String table) throws SQLException {
    String sql =
        dialect == Dialect.SQLITE
            ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
            : "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?";
    try (var ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Presents one of our migrations to Flyway. */
  private static final class Adapter implements JavaMigration {
    private final Migration migration;
    private final List<String> statements;

    Adapter(Migration migration, Dialect dialect) {
      this.migration = migration;
      SchemaBuilder b = new SchemaBuilder(dialect);
      migration.define(b);
      this.statements = b.statements();
    }

    @Override
    public MigrationVersion getVersion() {
      return MigrationVersion.fromVersion(Integer.toString(migration.version()));
    }

    @Override
    public String getDescription() {
      return migration.description();
    }

    @Override
    public Integer getChecksum() {
      CRC32 crc = new CRC32();
      for (String s : statements) {
        crc.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
      return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
      try (Statement s = context.getConnection().createStatement()) {
        for (String sql : statements) {
          try {
            s.execute(sql);
          } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\nin statement: " + sql, e);
          }
        }
      }
    }
  }
}
