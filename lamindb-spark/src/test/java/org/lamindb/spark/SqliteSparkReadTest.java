package org.lamindb.spark;

import org.lamindb.testing.Backend;

class SqliteSparkReadTest extends AbstractSparkReadTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
