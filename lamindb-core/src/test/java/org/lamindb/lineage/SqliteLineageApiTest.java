package org.lamindb.lineage;

import org.lamindb.testing.Backend;

class SqliteLineageApiTest extends AbstractLineageApiTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
