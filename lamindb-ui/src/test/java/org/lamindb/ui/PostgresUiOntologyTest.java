package org.lamindb.ui;

import org.lamindb.testing.Backend;

class PostgresUiOntologyTest extends AbstractUiOntologyTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
