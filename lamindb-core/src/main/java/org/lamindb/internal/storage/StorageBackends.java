package org.lamindb.internal.storage;

import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.lamindb.StorageException;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.StorageBackendProvider;

/**
 * Finds the {@link StorageBackend} for a storage root among the providers on the class path.
 *
 * <pre>{@code
 * try (StorageBackend s3 = StorageBackends.forRoot("s3://my-bucket/lamin", Map.of("region", "eu-central-1"))) {
 *   s3.upload(Path.of("x.csv"), "x.csv", TransferProgress.NONE);
 * }
 * }</pre>
 */
public final class StorageBackends {

  private static final Map<String, String> MODULES =
      Map.of("s3", "lamindb-storage-s3", "gs", "lamindb-storage-gcs", "gcs", "lamindb-storage-gcs");

  private StorageBackends() {}

  /**
   * @param root storage root, e.g. {@code /data/lamin}, {@code file:///data/lamin}, {@code
   *     s3://bucket/prefix}
   * @param settings backend settings (region, endpoint_url, ...); may be empty
   * @return an open backend; close it when done
   * @throws StorageException when no provider on the class path serves the root's scheme
   */
  public static StorageBackend forRoot(String root, Map<String, String> settings) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = StorageBackends.class.getClassLoader();
    }
    for (StorageBackendProvider provider :
        ServiceLoader.load(StorageBackendProvider.class, loader)) {
      if (provider.supports(root)) {
        return provider.open(root, settings == null ? Map.of() : settings);
      }
    }
    throw new StorageException(noBackendMessage(root));
  }

  static String noBackendMessage(String root) {
    int colon = root.indexOf("://");
    String scheme = colon > 0 ? root.substring(0, colon).toLowerCase(Locale.ROOT) : "";
    String module = MODULES.get(scheme);
    if (module != null) {
      return "no storage backend for '"
          + root
          + "': add org.lamindb:"
          + module
          + " to the classpath";
    }
    return "no storage backend for '"
        + root
        + "': no module on the classpath serves the scheme '"
        + scheme
        + "://'; supported are local paths, file://, s3:// (lamindb-storage-s3) and gs:// (lamindb-storage-gcs)";
  }
}
