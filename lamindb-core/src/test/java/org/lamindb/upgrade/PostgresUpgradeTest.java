package org.lamindb.upgrade;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import org.lamindb.internal.db.Database;
import org.lamindb.internal.db.PostgresUrl;
import org.lamindb.testing.PostgresTestServer;

class PostgresUpgradeTest extends AbstractUpgradeTest {
  @Override
  Database openFrozen() throws Exception {
    copyTree(resources().resolve("postgres/storage"), tmp.resolve("storage"));
    Database db = Database.postgres(PostgresUrl.parse(PostgresTestServer.newEmptyDatabase()));
    // psql meta-commands (\\restrict) are not SQL
    String dump =
        String.join(
            "\n",
            Files.readAllLines(resources().resolve("postgres/dump.sql")).stream()
                .filter(l -> !l.startsWith("\\"))
                .toList());
    try (Connection c = db.connection();
        Statement s = c.createStatement()) {
      s.execute(dump);
      s.execute("RESET ALL"); // the dump empties search_path for its session
    }
    return db;
  }
}
