package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

class SourceFetchPostgresTest extends SourceFetchSuite {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
