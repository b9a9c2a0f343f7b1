package org.lamindb.cli;

class PostgresCollectionCliTest extends AbstractCollectionCliTest {
  @Override
  boolean postgres() {
    return true;
  }
}
