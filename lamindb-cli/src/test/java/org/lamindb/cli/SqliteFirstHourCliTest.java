package org.lamindb.cli;

class SqliteFirstHourCliTest extends AbstractFirstHourCliTest {
  @Override
  boolean postgres() {
    return false;
  }
}
