package org.lamindb.notes;

import org.lamindb.testing.Backend;

class SqliteNotesTest extends AbstractNotesTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
