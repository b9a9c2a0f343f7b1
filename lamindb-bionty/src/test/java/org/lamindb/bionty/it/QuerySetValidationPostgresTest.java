package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

/** {@link QuerySetValidationSuite} on Postgres. */
class QuerySetValidationPostgresTest extends QuerySetValidationSuite {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
