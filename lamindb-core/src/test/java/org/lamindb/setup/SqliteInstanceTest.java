package org.lamindb.setup;

import org.lamindb.testing.Backend;

class SqliteInstanceTest extends AbstractInstanceTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
