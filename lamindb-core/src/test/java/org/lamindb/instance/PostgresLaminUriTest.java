package org.lamindb.instance;

import org.lamindb.testing.Backend;

class PostgresLaminUriTest extends AbstractLaminUriTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
