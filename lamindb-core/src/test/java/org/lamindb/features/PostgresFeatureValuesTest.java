package org.lamindb.features;

import org.lamindb.testing.Backend;

/** {@link AbstractFeatureValuesTest} on Postgres. */
class PostgresFeatureValuesTest extends AbstractFeatureValuesTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
