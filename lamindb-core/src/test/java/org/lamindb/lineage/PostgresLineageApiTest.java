package org.lamindb.lineage;

import org.lamindb.testing.Backend;

class PostgresLineageApiTest extends AbstractLineageApiTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
