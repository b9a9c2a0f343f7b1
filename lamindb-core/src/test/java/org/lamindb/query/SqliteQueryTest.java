package org.lamindb.query;

import org.lamindb.testing.Backend;

class SqliteQueryTest extends QueryContract {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
