package org.lamindb.instance;

import org.lamindb.testing.Backend;

class SqliteLaminUriTest extends AbstractLaminUriTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
