package org.lamindb.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractDataFrameCurationTest} on Postgres. */
class PostgresDataFrameCurationTest extends AbstractDataFrameCurationTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
