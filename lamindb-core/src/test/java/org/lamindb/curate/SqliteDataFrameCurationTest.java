package org.lamindb.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractDataFrameCurationTest} on Sqlite. */
class SqliteDataFrameCurationTest extends AbstractDataFrameCurationTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
