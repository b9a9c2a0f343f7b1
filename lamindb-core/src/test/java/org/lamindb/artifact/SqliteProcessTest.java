package org.lamindb.artifact;

import org.lamindb.testing.Backend;

class SqliteProcessTest extends AbstractProcessTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
