package org.lamindb.query;

import org.lamindb.testing.Backend;

class PostgresQueryTest extends QueryContract {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
