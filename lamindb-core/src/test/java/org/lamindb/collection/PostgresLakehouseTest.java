package org.lamindb.collection;

import org.lamindb.testing.Backend;

class PostgresLakehouseTest extends AbstractLakehouseTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
