package org.lamindb.collection;

import org.lamindb.testing.Backend;

class SqliteCollectionTest extends AbstractCollectionTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
