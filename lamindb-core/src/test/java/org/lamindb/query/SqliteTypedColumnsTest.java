package org.lamindb.query;

import org.lamindb.testing.Backend;

class SqliteTypedColumnsTest extends TypedColumnsContract {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
