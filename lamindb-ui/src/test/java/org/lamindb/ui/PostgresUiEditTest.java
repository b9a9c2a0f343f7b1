package org.lamindb.ui;

import org.lamindb.testing.Backend;

class PostgresUiEditTest extends AbstractUiEditTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
