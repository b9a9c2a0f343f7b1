package org.lamindb.lineage;

import org.lamindb.testing.Backend;

class SqliteProgramTrackingTest extends AbstractProgramTrackingTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
