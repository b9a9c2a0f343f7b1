package org.lamindb.spark;

import org.lamindb.testing.Backend;

class SqliteSparkWriteTest extends AbstractSparkWriteTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
