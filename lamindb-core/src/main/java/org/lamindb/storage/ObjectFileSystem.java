package org.lamindb.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A read-only view of one object or one folder of objects (a zarr store) of a {@link
 * StorageBackend}: the listing is taken once when the view is made (artifacts do not change), and
 * content is read by ranged requests ({@link StorageBackend#open(String, long, long)}), small reads
 * through a cache of 64 KiB blocks (HDF5 metadata is read in many small pieces).
 */
final class ObjectFileSystem extends FileSystem {
  static final int BLOCK = 64 << 10;
  private static final int BLOCKS = 256;
  private final ObjectFileSystemProvider provider;
  private final StorageBackend backend;
  private final TreeMap<String, Long> files = new TreeMap<>();
  private final AtomicLong fetched = new AtomicLong();
  private final Map<String, byte[]> blocks =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
          return size() > BLOCKS;
        }
      };
  private volatile boolean open = true;

  ObjectFileSystem(
      ObjectFileSystemProvider provider, StorageBackend backend, List<ObjectStat> all) {
    this.provider = provider;
    this.backend = backend;
    for (ObjectStat s : all) {
      if (!s.folder()) {
        files.put(s.key(), s.size());
      }
    }
  }

  /** Size of the object at {@code key}, or null when it is not an object. */
  Long size(String key) {
    return files.get(key);
  }

  /** Whether {@code key} is a folder: objects exist below it. */
  boolean isFolder(String key) {
    if (key.isEmpty()) {
      return true;
    }
    String k = files.ceilingKey(key + "/");
    return k != null && k.startsWith(key + "/");
  }

  /** The names directly below folder {@code key}. */
  Set<String> children(String key) {
    String prefix = key.isEmpty() ? "" : key + "/";
    Set<String> out = new java.util.TreeSet<>();
    for (String k : files.tailMap(prefix, true).keySet()) {
      if (!k.startsWith(prefix)) {
        break;
      }
      String rest = k.substring(prefix.length());
      int slash = rest.indexOf('/');
      out.add(slash < 0 ? rest : rest.substring(0, slash));
    }
    return out;
  }

  String describe(String key) {
    return backend.root() + "/" + key;
  }

  /**
   * @return bytes fetched from the backend so far
   */
  long fetched() {
    return fetched.get();
  }

  /** Reads {@code len} bytes of object {@code key} at {@code pos} into {@code dst}. */
  void read(String key, long pos, byte[] dst, int off, int len) throws IOException {
    if (len >= BLOCK) {
      fetch(key, pos, dst, off, len);
      return;
    }
    while (len > 0) {
      long b = pos / BLOCK;
      byte[] block = block(key, b);
      int in = (int) (pos - b * BLOCK);
      int n = Math.min(len, block.length - in);
      if (n <= 0) {
        throw new java.io.EOFException("read past the end of " + describe(key));
      }
      System.arraycopy(block, in, dst, off, n);
      pos += n;
      off += n;
      len -= n;
    }
  }

  private byte[] block(String key, long b) throws IOException {
    String id = key + "#" + b;
    synchronized (blocks) {
      byte[] hit = blocks.get(id);
      if (hit != null) {
        return hit;
      }
    }
    long size = files.get(key);
    int len = (int) Math.min(BLOCK, size - b * BLOCK);
    byte[] out = new byte[Math.max(0, len)];
    fetch(key, b * BLOCK, out, 0, out.length);
    synchronized (blocks) {
      blocks.put(id, out);
    }
    return out;
  }

  private void fetch(String key, long pos, byte[] dst, int off, int len) throws IOException {
    try (InputStream in = backend.open(key, pos, len)) {
      int n = in.readNBytes(dst, off, len);
      fetched.addAndGet(n);
      if (n < len) {
        throw new java.io.EOFException(
            "read " + n + " of " + len + " bytes at " + pos + " of " + describe(key));
      }
    }
  }

  @Override
  public FileSystemProvider provider() {
    return provider;
  }

  @Override
  public void close() {
    open = false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public boolean isReadOnly() {
    return true;
  }

  @Override
  public String getSeparator() {
    return "/";
  }

  @Override
  public Iterable<Path> getRootDirectories() {
    return List.of(new ObjectPath(this, "/"));
  }

  @Override
  public Iterable<FileStore> getFileStores() {
    return List.of();
  }

  @Override
  public Set<String> supportedFileAttributeViews() {
    return Set.of("basic");
  }

  @Override
  public Path getPath(String first, String... more) {
    StringBuilder sb = new StringBuilder(first);
    for (String m : more) {
      sb.append('/').append(m);
    }
    return new ObjectPath(this, sb.toString());
  }

  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    throw new UnsupportedOperationException("path matchers are not supported on object storage");
  }

  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    throw new UnsupportedOperationException("object storage has no user principals");
  }

  @Override
  public WatchService newWatchService() {
    throw new UnsupportedOperationException("object storage cannot be watched");
  }
}
