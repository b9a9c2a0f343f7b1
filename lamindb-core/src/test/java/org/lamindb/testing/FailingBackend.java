package org.lamindb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;

/**
 * Wraps a storage backend so writes fail as on a full disk (half of the bytes land under the key,
 * then "No space left on device") or on read-only storage (nothing lands, access denied). Reads,
 * listing and deletes pass through.
 */
public final class FailingBackend implements StorageBackend {
  /** How writes fail. */
  public enum Mode {
    /** Half the bytes are written, then the write fails with ENOSPC's message. */
    DISK_FULL,
    /** Every write is refused. */
    READ_ONLY
  }

  private final StorageBackend delegate;
  private final Mode mode;

  public FailingBackend(StorageBackend delegate, Mode mode) {
    this.delegate = delegate;
    this.mode = mode;
  }

  @Override
  public String root() {
    return delegate.root();
  }

  @Override
  public String type() {
    return delegate.type();
  }

  @Override
  public Optional<ObjectStat> stat(String key) throws IOException {
    return delegate.stat(key);
  }

  @Override
  public List<ObjectStat> list(String prefix) throws IOException {
    return delegate.list(prefix);
  }

  @Override
  public void upload(Path source, String key, TransferProgress progress) throws IOException {
    if (mode == Mode.READ_ONLY) {
      throw new AccessDeniedException(root() + "/" + key, null, "Read-only file system");
    }
    byte[] all = Files.readAllBytes(source);
    Path half = Files.createTempFile("half-", ".bin");
    try {
      Files.write(half, java.util.Arrays.copyOf(all, all.length / 2));
      delegate.upload(half, key, progress);
    } finally {
      Files.deleteIfExists(half);
    }
    throw new IOException(root() + "/" + key + ": No space left on device");
  }

  @Override
  public void download(String key, Path target, TransferProgress progress) throws IOException {
    delegate.download(key, target, progress);
  }

  @Override
  public InputStream open(String key) throws IOException {
    return delegate.open(key);
  }

  @Override
  public void move(String fromKey, String toKey) throws IOException {
    if (mode == Mode.READ_ONLY) {
      throw new AccessDeniedException(root() + "/" + toKey, null, "Read-only file system");
    }
    delegate.move(fromKey, toKey);
  }

  @Override
  public void delete(String key) throws IOException {
    delegate.delete(key);
  }

  @Override
  public Optional<Path> localPath(String key) {
    return delegate.localPath(key);
  }
}
