package org.lamindb.instance;

import org.lamindb.testing.Backend;

class SqliteReadOnlyDbTest extends AbstractReadOnlyDbTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
