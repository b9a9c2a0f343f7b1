package org.lamindb.formats.ml;

import org.lamindb.testing.Backend;

class PostgresCollectionMlTest extends AbstractCollectionMlTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
