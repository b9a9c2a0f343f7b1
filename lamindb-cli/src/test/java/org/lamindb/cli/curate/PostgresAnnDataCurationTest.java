package org.lamindb.cli.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractAnnDataCurationTest} on Postgres. */
class PostgresAnnDataCurationTest extends AbstractAnnDataCurationTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
