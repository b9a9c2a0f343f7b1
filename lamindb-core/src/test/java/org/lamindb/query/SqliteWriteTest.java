package org.lamindb.query;

import org.lamindb.testing.Backend;

class SqliteWriteTest extends WriteContract {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
