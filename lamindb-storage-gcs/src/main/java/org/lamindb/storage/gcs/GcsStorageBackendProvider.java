package org.lamindb.storage.gcs;

import java.util.Map;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.StorageBackendProvider;

/** Serves {@code gs://} roots; registered with {@link java.util.ServiceLoader}. */
public final class GcsStorageBackendProvider implements StorageBackendProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public GcsStorageBackendProvider() {}

  @Override
  public boolean supports(String root) {
    return root.startsWith("gs://");
  }

  @Override
  public StorageBackend open(String root, Map<String, String> settings) {
    return GcsStorageBackend.open(root, settings, System.getenv());
  }
}
