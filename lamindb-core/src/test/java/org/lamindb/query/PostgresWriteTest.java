package org.lamindb.query;

import org.lamindb.testing.Backend;

class PostgresWriteTest extends WriteContract {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
