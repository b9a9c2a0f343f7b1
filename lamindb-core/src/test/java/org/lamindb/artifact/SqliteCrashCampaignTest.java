package org.lamindb.artifact;

import org.lamindb.testing.Backend;

class SqliteCrashCampaignTest extends AbstractCrashCampaignTest {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
