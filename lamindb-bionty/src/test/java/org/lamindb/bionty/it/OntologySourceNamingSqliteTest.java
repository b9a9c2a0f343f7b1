package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

class OntologySourceNamingSqliteTest extends OntologySourceNamingSuite {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
