package org.lamindb.collection;

import org.lamindb.testing.Backend;

class SqliteLakehouseTest extends AbstractLakehouseTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
