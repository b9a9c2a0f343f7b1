package org.lamindb.artifact;

import org.lamindb.testing.Backend;

class SqliteSaveFaultTest extends AbstractSaveFaultTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
