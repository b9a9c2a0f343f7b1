package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

class BiontyRelationsPostgresTest extends BiontyRelationsSuite {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
