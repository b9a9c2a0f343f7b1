package org.lamindb.storage.s3;

import java.util.Map;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.StorageBackendProvider;

/** Serves {@code s3://} roots; registered with {@link java.util.ServiceLoader}. */
public final class S3StorageBackendProvider implements StorageBackendProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public S3StorageBackendProvider() {}

  @Override
  public boolean supports(String root) {
    return root.startsWith("s3://");
  }

  @Override
  public StorageBackend open(String root, Map<String, String> settings) {
    return S3StorageBackend.open(root, settings, System.getenv());
  }
}
