package org.lamindb.cli;

class PostgresFirstHourCliTest extends AbstractFirstHourCliTest {
  @Override
  boolean postgres() {
    return true;
  }
}
