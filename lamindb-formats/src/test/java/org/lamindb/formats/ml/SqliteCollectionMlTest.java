package org.lamindb.formats.ml;

import org.lamindb.testing.Backend;

class SqliteCollectionMlTest extends AbstractCollectionMlTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
