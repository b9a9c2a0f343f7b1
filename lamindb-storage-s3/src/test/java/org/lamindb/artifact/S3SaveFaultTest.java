package org.lamindb.artifact;

import org.lamindb.storage.s3.S3ProxyFixture;
import org.lamindb.testing.Backend;

/**
 * Full disk, read-only storage and changing files with S3 storage (S3Proxy in-process), PostgreSQL
 * metadata.
 */
class S3SaveFaultTest extends AbstractSaveFaultTest {
  @org.junit.jupiter.api.AfterAll
  static void stopProxy() throws Exception {
    S3ProxyFixture.stop();
  }

  @Override
  Backend backend() {
    return Backend.POSTGRES;
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
