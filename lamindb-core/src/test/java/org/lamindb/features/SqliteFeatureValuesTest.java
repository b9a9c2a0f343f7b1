package org.lamindb.features;

import org.lamindb.testing.Backend;

/** {@link AbstractFeatureValuesTest} on Sqlite. */
class SqliteFeatureValuesTest extends AbstractFeatureValuesTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
