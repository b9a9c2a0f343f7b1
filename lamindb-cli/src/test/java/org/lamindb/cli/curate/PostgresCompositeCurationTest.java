package org.lamindb.cli.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractCompositeCurationTest} on Postgres. */
class PostgresCompositeCurationTest extends AbstractCompositeCurationTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
