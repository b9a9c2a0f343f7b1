package org.lamindb.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractCuratorTest} on Postgres. */
class PostgresCuratorTest extends AbstractCuratorTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
