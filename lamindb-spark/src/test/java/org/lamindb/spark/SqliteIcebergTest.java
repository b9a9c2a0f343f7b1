package org.lamindb.spark;

import org.lamindb.testing.Backend;

class SqliteIcebergTest extends AbstractIcebergTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
