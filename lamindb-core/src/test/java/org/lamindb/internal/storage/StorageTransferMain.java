package org.lamindb.internal.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;

/**
 * Child-JVM entry point of {@link AbstractStorageBackendTest}'s bounded-memory test: uploads a file
 * to a backend found with {@link StorageBackends#forRoot}, downloads it again, and exits 0. Run
 * with a heap smaller than the file.
 *
 * <p>Arguments: {@code root key sourceFile downloadTarget [setting=value ...]}.
 */
public final class StorageTransferMain {

  private StorageTransferMain() {}

  /**
   * @param args root, key, source, target, then settings as {@code name=value}
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> settings = new HashMap<>();
    for (int i = 4; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    try (StorageBackend backend = StorageBackends.forRoot(args[0], settings)) {
      backend.upload(Path.of(args[2]), args[1], TransferProgress.NONE);
      backend.download(args[1], Path.of(args[3]), TransferProgress.NONE);
    }
    System.out.println(
        "transferred "
            + Files.size(Path.of(args[3]))
            + " bytes with max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB");
  }
}
