package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

class TableSourcesSqliteTest extends TableSourcesSuite {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
