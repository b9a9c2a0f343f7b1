package org.lamindb.query;

import org.lamindb.testing.Backend;

class SqliteQueryPlanTest extends QueryPlanContract {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
