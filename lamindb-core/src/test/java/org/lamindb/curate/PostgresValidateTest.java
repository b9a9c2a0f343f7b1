package org.lamindb.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractValidateTest} on Postgres. */
class PostgresValidateTest extends AbstractValidateTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
