package org.lamindb.formats.anndata;

import org.lamindb.testing.Backend;

class PostgresCollectionLoadTest extends AbstractCollectionLoadTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
