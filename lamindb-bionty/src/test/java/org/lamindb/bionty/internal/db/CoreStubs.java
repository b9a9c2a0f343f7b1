package org.lamindb.bionty.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Minimal stand-ins for the core tables bionty references, so that bionty's schema and importers
 * can be tested before (and independently of) core's migrations. Each has the default row id 1.
 */
final class CoreStubs {
  private CoreStubs() {}

  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String t :
          new String[] {
            "lamindb_user",
            "lamindb_run",
            "lamindb_branch",
            "lamindb_space",
            "lamindb_artifact",
            "lamindb_feature"
          }) {
        s.execute("CREATE TABLE " + t + " (id BIGINT PRIMARY KEY, name VARCHAR(100))");
        s.execute("INSERT INTO " + t + " (id, name) VALUES (1, 'default')");
      }
    }
  }
}
