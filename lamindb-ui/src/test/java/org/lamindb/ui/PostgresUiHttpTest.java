package org.lamindb.ui;

import org.lamindb.testing.Backend;

class PostgresUiHttpTest extends AbstractUiHttpTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
