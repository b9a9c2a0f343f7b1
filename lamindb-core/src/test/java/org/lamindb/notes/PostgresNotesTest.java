package org.lamindb.notes;

import org.lamindb.testing.Backend;

class PostgresNotesTest extends AbstractNotesTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
