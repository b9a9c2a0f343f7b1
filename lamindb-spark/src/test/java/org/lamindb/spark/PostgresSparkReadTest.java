package org.lamindb.spark;

import org.lamindb.testing.Backend;

class PostgresSparkReadTest extends AbstractSparkReadTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
