package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

class BiontyRelationsSqliteTest extends BiontyRelationsSuite {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
