package org.lamindb.spark;

import org.lamindb.testing.Backend;

class PostgresIcebergTest extends AbstractIcebergTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
