package org.lamindb.artifact;

import org.lamindb.testing.Backend;

class PostgresArtifactTest extends AbstractArtifactTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
