package org.lamindb.artifact;

import org.lamindb.testing.Backend;

class PostgresProcessTest extends AbstractProcessTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
