package org.lamindb.describe;

import org.lamindb.testing.Backend;

class PostgresFirstHourTest extends AbstractFirstHourTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
