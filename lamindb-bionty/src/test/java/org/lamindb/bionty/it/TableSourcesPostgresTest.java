package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

class TableSourcesPostgresTest extends TableSourcesSuite {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
