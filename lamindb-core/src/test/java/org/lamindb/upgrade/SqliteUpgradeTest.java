package org.lamindb.upgrade;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.lamindb.internal.db.Database;

class SqliteUpgradeTest extends AbstractUpgradeTest {
  @Override
  Database openFrozen() throws Exception {
    copyTree(resources().resolve("sqlite/storage"), tmp.resolve("storage"));
    Path gz = tmp.resolve("storage/.lamindb/lamin.db.gz");
    Path db = tmp.resolve("storage/.lamindb/lamin.db");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      Files.copy(in, db);
    }
    Files.delete(gz);
    return Database.sqlite(db);
  }
}
