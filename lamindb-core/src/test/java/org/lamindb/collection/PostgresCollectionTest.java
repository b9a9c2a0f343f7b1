package org.lamindb.collection;

import org.lamindb.testing.Backend;

class PostgresCollectionTest extends AbstractCollectionTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
