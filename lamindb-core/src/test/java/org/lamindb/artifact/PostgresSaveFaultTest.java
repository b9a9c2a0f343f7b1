package org.lamindb.artifact;

import org.lamindb.testing.Backend;

class PostgresSaveFaultTest extends AbstractSaveFaultTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
