package org.lamindb.internal.storage;

import java.util.Map;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.StorageBackendProvider;

/**
 * Serves local roots: absolute paths and {@code file://} URIs. Registered with {@link
 * java.util.ServiceLoader}.
 */
public final class LocalStorageBackendProvider implements StorageBackendProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public LocalStorageBackendProvider() {}

  @Override
  public boolean supports(String root) {
    return root.startsWith("file:") || !root.contains("://");
  }

  @Override
  public StorageBackend open(String root, Map<String, String> settings) {
    return LocalStorageBackend.forRoot(root);
  }
}
