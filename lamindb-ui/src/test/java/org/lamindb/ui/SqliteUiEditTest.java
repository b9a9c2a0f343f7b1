package org.lamindb.ui;

import org.lamindb.testing.Backend;

class SqliteUiEditTest extends AbstractUiEditTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
