package org.lamindb.ui;

import org.lamindb.testing.Backend;

class SqliteUiHttpTest extends AbstractUiHttpTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
