package org.lamindb.instance;

import org.lamindb.testing.Backend;

class PostgresReadOnlyDbTest extends AbstractReadOnlyDbTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
