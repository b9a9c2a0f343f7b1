package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

class BiontyRegistriesPostgresTest extends BiontyRegistriesSuite {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
