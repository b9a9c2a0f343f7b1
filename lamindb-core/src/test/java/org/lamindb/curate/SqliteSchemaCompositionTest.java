package org.lamindb.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractSchemaCompositionTest} on Sqlite. */
class SqliteSchemaCompositionTest extends AbstractSchemaCompositionTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
