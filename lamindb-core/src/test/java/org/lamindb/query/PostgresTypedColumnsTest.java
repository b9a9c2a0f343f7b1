package org.lamindb.query;

import org.lamindb.testing.Backend;

class PostgresTypedColumnsTest extends TypedColumnsContract {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
