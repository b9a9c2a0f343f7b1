package org.lamindb.query;

import org.lamindb.testing.Backend;

class PostgresPropertyTest extends PropertyContract {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
