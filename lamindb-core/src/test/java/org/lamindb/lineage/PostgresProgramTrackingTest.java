package org.lamindb.lineage;

import org.lamindb.testing.Backend;

class PostgresProgramTrackingTest extends AbstractProgramTrackingTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
