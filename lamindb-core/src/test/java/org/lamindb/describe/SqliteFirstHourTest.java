package org.lamindb.describe;

import org.lamindb.testing.Backend;

class SqliteFirstHourTest extends AbstractFirstHourTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
