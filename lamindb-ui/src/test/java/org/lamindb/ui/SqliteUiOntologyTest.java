package org.lamindb.ui;

import org.lamindb.testing.Backend;

class SqliteUiOntologyTest extends AbstractUiOntologyTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
