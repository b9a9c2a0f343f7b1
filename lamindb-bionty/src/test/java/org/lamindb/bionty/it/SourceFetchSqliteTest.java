package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

class SourceFetchSqliteTest extends SourceFetchSuite {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
