package org.lamindb.artifact;

import org.lamindb.testing.Backend;

class SqliteArtifactTest extends AbstractArtifactTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
