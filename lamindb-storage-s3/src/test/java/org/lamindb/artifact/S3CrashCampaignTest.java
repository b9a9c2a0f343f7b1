package org.lamindb.artifact;

import org.lamindb.storage.s3.S3ProxyFixture;
import org.lamindb.testing.Backend;

/**
 * The crash campaign with S3 storage (S3Proxy in-process; children get its credentials) and
 * PostgreSQL metadata; files up to 8 MiB to keep the campaign short on the filesystem blob store.
 */
class S3CrashCampaignTest extends AbstractCrashCampaignTest {
  @org.junit.jupiter.api.AfterAll
  static void stopProxy() throws Exception {
    S3ProxyFixture.stop();
  }

  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }

  @Override
  protected int maxBytes() {
    return 8 << 20;
  }

  @Override
  protected String storageRoot() {
    try {
      return S3ProxyFixture.newRoot();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
