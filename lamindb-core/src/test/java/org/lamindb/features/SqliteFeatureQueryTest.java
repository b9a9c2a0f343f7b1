package org.lamindb.features;

import org.lamindb.testing.Backend;

/** {@link AbstractFeatureQueryTest} on Sqlite. */
class SqliteFeatureQueryTest extends AbstractFeatureQueryTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
