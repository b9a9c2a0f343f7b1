package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

class OntologySourceNamingPostgresTest extends OntologySourceNamingSuite {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
