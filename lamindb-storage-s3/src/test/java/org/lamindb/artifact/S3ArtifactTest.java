package org.lamindb.artifact;

import org.lamindb.storage.s3.S3ProxyFixture;
import org.lamindb.testing.Backend;

/** The artifact suite with S3 storage (S3Proxy in-process) and PostgreSQL metadata. */
class S3ArtifactTest extends AbstractArtifactTest {
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
