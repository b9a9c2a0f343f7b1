package org.lamindb.spark;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.lamindb.LaminDB;
import org.lamindb.StorageException;
import org.lamindb.model.Storage;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.StorageBackendProvider;

/**
 * Object-store access for the driver's footer reads: the {@link StorageBackend} of a storage root
 * (found through the {@link StorageBackendProvider} services, e.g. lamindb-storage-s3), opened once
 * per root and JVM, and the key of an artifact path in it.
 */
final class RemoteStorages {
  private static final Map<String, StorageBackend> BY_ROOT = new ConcurrentHashMap<>();

  private RemoteStorages() {}

  /** A remote object: its backend and key. */
  record Location(StorageBackend backend, String key) {}

  /**
   * @param path an artifact path such as {@code s3://bucket/prefix/.lamindb/AbC.parquet}
   * @return its backend and key
   */
  static Location locate(LaminDB ln, String path) {
    for (Storage s : ln.storages().list()) {
      String raw = s.root();
      int q = raw.indexOf('?');
      String plain = q < 0 ? raw : raw.substring(0, q);
      if (path.startsWith(plain + "/")) {
        StorageBackend b = BY_ROOT.computeIfAbsent(raw, RemoteStorages::open);
        return new Location(b, path.substring(plain.length() + 1));
      }
    }
    throw new StorageException(
        "no storage of instance " + ln.slug() + " holds " + path + "; check ln.storages()");
  }

  private static StorageBackend open(String root) {
    for (StorageBackendProvider p :
        ServiceLoader.load(StorageBackendProvider.class, RemoteStorages.class.getClassLoader())) {
      if (p.supports(root)) {
        return p.open(root, Map.of());
      }
    }
    throw new StorageException(
        "no storage backend on the class path serves "
            + root
            + "; add the module for it (e.g. lamindb-storage-s3)");
  }
}
