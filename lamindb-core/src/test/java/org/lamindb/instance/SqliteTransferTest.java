package org.lamindb.instance;

import org.lamindb.testing.Backend;

class SqliteTransferTest extends AbstractTransferTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
