package org.lamindb.artifact;

import org.lamindb.testing.Backend;

class PostgresRepairRaceTest extends AbstractRepairRaceTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
