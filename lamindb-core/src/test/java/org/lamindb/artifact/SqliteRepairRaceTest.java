package org.lamindb.artifact;

import org.lamindb.testing.Backend;

class SqliteRepairRaceTest extends AbstractRepairRaceTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
