package org.lamindb.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lamindb.internal.db.Database;
import org.lamindb.internal.db.PostgresUrl;
import org.lamindb.testing.PostgresTestServer;

/**
 * Core migration V6: {@code uid__startswith} and {@code key__startswith} ({@code LIKE 'prefix%'} on
 * PostgreSQL) are answered by an index range whatever the database collation.
 */
class PostgresPrefixIndexTest {
  @Test
  void prefixLookupsOfUidAndKeyUseAnIndexRange() throws Exception {
    try (Database db = Database.postgres(PostgresUrl.parse(PostgresTestServer.newDatabase()));
        Connection c = db.connection();
        Statement s = c.createStatement()) {
      s.execute("SET enable_seqscan = off");
      for (String table : List.of("lamindb_artifact", "lamindb_collection", "lamindb_transform")) {
        for (String column : List.of("uid", "key")) {
          StringBuilder plan = new StringBuilder();
          try (ResultSet rs =
              s.executeQuery(
                  "EXPLAIN SELECT id FROM " + table + " WHERE " + column + " LIKE 'abc%'")) {
            while (rs.next()) {
              plan.append(rs.getString(1)).append('\n');
            }
          }
          assertThat(plan.toString())
              .as(table + "." + column)
              .contains(table + "_" + column + "_like")
              .contains("Index Cond")
              .contains("~>=~");
        }
      }
    }
  }
}
