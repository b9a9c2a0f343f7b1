package org.lamindb.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One kind of storage location (local disk, S3, GCS, ...) addressed by URIs below a storage root
 * such as {@code /data/lamin}, {@code s3://bucket/prefix} or {@code gs://bucket}. Implementations
 * are found through {@link StorageBackendProvider} with {@link java.util.ServiceLoader}; the local
 * one ships with core.
 *
 * <p>Keys are always relative, '/'-separated paths below the root (e.g. {@code
 * .lamindb/AbC...0000.csv}). Every method that writes is atomic from a reader's point of view: the
 * object appears under its key complete or not at all.
 */
public interface StorageBackend extends AutoCloseable {

  /**
   * @return the normalized root this backend serves, e.g. {@code s3://bucket/prefix} (no trailing
   *     slash)
   */
  String root();

  /**
   * @return {@code local}, {@code s3}, {@code gs}, ... as stored in {@code lamindb_storage.type}
   */
  String type();

  /**
   * @return metadata of the object or folder at {@code key}, empty when nothing is there
   */
  Optional<ObjectStat> stat(String key) throws IOException;

  /**
   * @return every object below {@code prefix} (recursively), keys relative to the root
   */
  List<ObjectStat> list(String prefix) throws IOException;

  /**
   * Copies a local file to {@code key}, replacing what is there, streaming (never holding the file
   * in memory).
   *
   * @param progress receives bytes transferred; may be {@link TransferProgress#NONE}
   */
  void upload(Path source, String key, TransferProgress progress) throws IOException;

  /**
   * Downloads the object at {@code key} to {@code target} (written to a temporary name, then
   * moved).
   */
  void download(String key, Path target, TransferProgress progress) throws IOException;

  /**
   * @return a stream over the object's bytes, read lazily from the backend
   */
  InputStream open(String key) throws IOException;

  /**
   * A byte range of the object (ranged reads: Parquet footers and row groups). The default reads
   * the full stream, skipping to {@code offset}; object-store backends override it with a ranged
   * GET so only the range is transferred.
   *
   * @param offset first byte
   * @param length bytes wanted; fewer are returned when the object ends first
   * @return a stream over at most {@code length} bytes from {@code offset}
   */
  default InputStream open(String key, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "negative range (offset " + offset + ", length " + length + ") for " + key);
    }
    InputStream in = open(key);
    try {
      in.skipNBytes(offset);
    } catch (java.io.EOFException e) {
      in.close();
      return InputStream.nullInputStream();
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new java.io.FilterInputStream(in) {
      private long left = length;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = super.read();
        if (b >= 0) {
          left--;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }
    };
  }

  /** Moves an object within this backend (rename on disk; copy + delete on object stores). */
  void move(String fromKey, String toKey) throws IOException;

  /** Deletes the object, or every object below it when it is a folder. Missing keys are ignored. */
  void delete(String key) throws IOException;

  /**
   * @return a local path for {@code key} when the backend is local disk, else empty
   */
  default Optional<Path> localPath(String key) {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
