package org.lamindb.instance;

import org.lamindb.testing.Backend;

class PostgresTransferTest extends AbstractTransferTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
