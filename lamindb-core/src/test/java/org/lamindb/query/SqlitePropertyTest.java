package org.lamindb.query;

import org.lamindb.testing.Backend;

class SqlitePropertyTest extends PropertyContract {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
