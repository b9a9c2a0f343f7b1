package org.lamindb.features;

import org.lamindb.testing.Backend;

/** {@link AbstractFeatureQueryTest} on Postgres. */
class PostgresFeatureQueryTest extends AbstractFeatureQueryTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
