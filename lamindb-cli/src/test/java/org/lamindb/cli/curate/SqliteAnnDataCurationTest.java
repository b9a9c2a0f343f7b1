package org.lamindb.cli.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractAnnDataCurationTest} on Sqlite. */
class SqliteAnnDataCurationTest extends AbstractAnnDataCurationTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
