package org.lamindb.storage;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Read-only {@link Path}s over objects of a {@link StorageBackend}, so that code written against
 * {@code java.nio.file} (the AnnData readers of {@code collection.mapped()}) reads object storage
 * in place: {@code Files.size}, {@code Files.list}, {@code Files.readAllBytes} and {@code
 * Files.newByteChannel} work, and a channel's reads are ranged requests, so only the bytes asked
 * for are fetched (small reads go through 64 KiB blocks). Nothing is copied to the cache.
 *
 * <pre>{@code
 * Path store = ObjectPaths.of(backend, "atlas/part0.zarr");   // listed once
 * byte[] meta = Files.readAllBytes(store.resolve("zarr.json"));
 * }</pre>
 */
public final class ObjectPaths {
  private ObjectPaths() {}

  /**
   * @param backend the storage
   * @param key an object or a folder of objects, relative to the storage root
   * @return the path of {@code key} in a view that lists {@code key} once, now
   * @throws NoSuchFileException when nothing is stored at {@code key}
   * @throws IOException when the listing fails
   */
  public static Path of(StorageBackend backend, String key) throws IOException {
    String k = key.startsWith("/") ? key.substring(1) : key;
    List<ObjectStat> all = backend.list(k);
    if (all.isEmpty()) {
      throw new NoSuchFileException(backend.root() + "/" + k);
    }
    ObjectFileSystem fs = new ObjectFileSystem(ObjectFileSystemProvider.INSTANCE, backend, all);
    return new ObjectPath(fs, "/" + k);
  }

  /**
   * @param p a path made by {@link #of}
   * @return bytes fetched from storage through its view so far, or -1 for other paths
   */
  public static long bytesFetched(Path p) {
    return p.getFileSystem() instanceof ObjectFileSystem fs ? fs.fetched() : -1;
  }
}
