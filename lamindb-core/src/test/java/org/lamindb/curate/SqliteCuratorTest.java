package org.lamindb.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractCuratorTest} on Sqlite. */
class SqliteCuratorTest extends AbstractCuratorTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
