package org.lamindb.curate;

import org.lamindb.testing.Backend;

/** {@link AbstractSchemaCompositionTest} on Postgres. */
class PostgresSchemaCompositionTest extends AbstractSchemaCompositionTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
