package org.lamindb.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractValidateTest} on Sqlite. */
class SqliteValidateTest extends AbstractValidateTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
