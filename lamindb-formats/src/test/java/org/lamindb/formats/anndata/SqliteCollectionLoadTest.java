package org.lamindb.formats.anndata;

import org.lamindb.testing.Backend;

class SqliteCollectionLoadTest extends AbstractCollectionLoadTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
