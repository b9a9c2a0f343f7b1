package org.lamindb.internal.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.lamindb.StorageException;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.StorageBackendProvider;
import org.lamindb.storage.TransferProgress;

/** Writes the storage marker into object storage through the backend serving the root. */
final class CloudMarker {
  private CloudMarker() {}

  static void write(String root, StorageMarker marker) throws IOException {
    for (StorageBackendProvider p :
        ServiceLoader.load(StorageBackendProvider.class, CloudMarker.class.getClassLoader())) {
      if (p.supports(root)) {
        Path tmp = Files.createTempDirectory("lamin-marker");
        try (StorageBackend b = p.open(root, Map.of())) {
          marker.write(tmp);
          b.upload(tmp.resolve(StorageMarker.PATH), StorageMarker.PATH, TransferProgress.NONE);
          return;
        } finally {
          Files.deleteIfExists(tmp.resolve(StorageMarker.PATH));
          Files.deleteIfExists(tmp.resolve(".lamindb"));
          Files.deleteIfExists(tmp);
        }
      }
    }
    throw new StorageException(
        "no storage backend for '"
            + root
            + "': add org.lamindb:lamindb-storage-"
            + (root.startsWith("s3://") ? "s3" : "gcs")
            + " to the classpath");
  }
}
