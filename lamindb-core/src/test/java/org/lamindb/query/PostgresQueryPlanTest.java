package org.lamindb.query;

import org.lamindb.testing.Backend;

class PostgresQueryPlanTest extends QueryPlanContract {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
