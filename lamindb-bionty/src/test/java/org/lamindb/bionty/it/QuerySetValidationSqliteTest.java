package org.lamindb.bionty.it;

import org.lamindb.testing.Backend;

/** {@link QuerySetValidationSuite} on Sqlite. */
class QuerySetValidationSqliteTest extends QuerySetValidationSuite {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
