package org.lamindb.artifact;

import org.lamindb.testing.Backend;

class PostgresCrashCampaignTest extends AbstractCrashCampaignTest {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
