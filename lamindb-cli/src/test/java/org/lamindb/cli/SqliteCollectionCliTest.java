package org.lamindb.cli;

class SqliteCollectionCliTest extends AbstractCollectionCliTest {
  @Override
  boolean postgres() {
    return false;
  }
}
