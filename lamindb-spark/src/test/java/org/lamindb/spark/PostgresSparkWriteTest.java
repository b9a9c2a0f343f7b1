package org.lamindb.spark;

import org.lamindb.testing.Backend;

class PostgresSparkWriteTest extends AbstractSparkWriteTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
