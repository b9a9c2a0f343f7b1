package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

class BiontyRegistriesSqliteTest extends BiontyRegistriesSuite {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
