package org.lamindb.cli.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractCompositeCurationTest} on Sqlite. */
class SqliteCompositeCurationTest extends AbstractCompositeCurationTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
