package org.lamindb.internal.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.storage.ContentHashes;

/**
 * Content hashes identical to LaminDB's (spec §3): md5 of small files, the first/last-chunk sha1
 * scheme for large files, and the order-independent {@code md5-d} hash of folders. Files are
 * streamed through a per-thread buffer; no file is ever read into memory as a whole.
 *
 * <pre>{@code
 * Hashing.FileHash h = Hashing.hashFile(Path.of("a.txt"));   // h.hash() = "DMF1ucDxtqgxw5niaXcmYQ" for "a"
 * }</pre>
 */
public final class Hashing extends ContentHashes {

  /** Files larger than this are hashed from their first and last chunk of this size (50 MiB). */
  public static final long CHUNK_SIZE = 52_428_800L;

  private static final int BUFFER_SIZE = 1 << 20;
  private static final ThreadLocal<ByteBuffer> BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocate(BUFFER_SIZE));

  private Hashing() {}

  /**
   * Size and hash of one file.
   *
   * @param size bytes
   * @param hash 22-character hash
   * @param hashType {@link #MD5} or {@link #SHA1_FL}
   */
  public record FileHash(long size, String hash, String hashType) {}

  /**
   * Size, hash and file count of a folder.
   *
   * @param size sum of the file sizes
   * @param hash 22-character hash
   * @param hashType always {@link #MD5_D}
   * @param nFiles number of files below the folder (recursively)
   */
  public record DirHash(long size, String hash, String hashType, int nFiles) {}

  /**
   * Hashes a file as LaminDB's {@code hash_file}: md5 when the file is at most 50 MiB, else {@code
   * sha1-fl}.
   *
   * @param file a regular file
   * @return size, hash and hash type
   * @throws StorageException when the file cannot be read
   */
  public static FileHash hashFile(Path file) {
    return hashFile(file, CHUNK_SIZE);
  }

  /**
   * Same as {@link #hashFile(Path)} with a different chunk size. Only tests (small chunks) and
   * benchmarks ({@code Long.MAX_VALUE}: md5 of the whole file) use this; LaminDB hashes always use
   * {@link #CHUNK_SIZE}.
   *
   * @param file a regular file
   * @param chunkSize files up to this size are md5-hashed whole
   * @return size, hash and hash type
   */
  public static FileHash hashFile(Path file, long chunkSize) {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunkSize must be positive, got " + chunkSize);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer buffer = BUFFER.get();
      if (size <= chunkSize) {
        MessageDigest md5 = digest("MD5");
        digestRange(channel, 0, size, md5, buffer);
        return new FileHash(size, toB64(md5.digest()), MD5);
      }
      MessageDigest sha1 = digest("SHA-1");
      digestRange(channel, 0, chunkSize, sha1, buffer);
      byte[] first = sha1.digest();
      digestRange(channel, size - chunkSize, chunkSize, sha1, buffer);
      byte[] last = sha1.digest();
      sha1.update(first);
      sha1.update(last);
      return new FileHash(size, toB64(sha1.digest()), SHA1_FL);
    } catch (IOException e) {
      throw new StorageException("Cannot hash file '" + file + "': " + e.getMessage(), e);
    }
  }

  /**
   * Hashes a folder as LaminDB's {@code hash_dir}: every file below it (recursively, following
   * symbolic links) is hashed with {@link #hashFile(Path)}; relative paths do not enter the hash.
   * Files are hashed in parallel.
   *
   * @param dir a folder with at least one file
   * @return summed size, {@code md5-d} hash and file count
   * @throws InvalidArgumentException when the folder holds no file (LaminDB cannot hash it either)
   * @throws StorageException when a file cannot be read
   */
  public static DirHash hashDir(Path dir) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
    } catch (IOException | UncheckedIOException e) {
      throw new StorageException("Cannot list folder '" + dir + "': " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new InvalidArgumentException(
          "Cannot hash folder '"
              + dir
              + "': it contains no files; add a file or register files instead.");
    }
    List<FileHash> hashes =
        (files.size() > 1 ? files.parallelStream() : files.stream())
            .map(Hashing::hashFile)
            .collect(Collectors.toList());
    long size = 0;
    List<String> strings = new ArrayList<>(hashes.size());
    for (FileHash h : hashes) {
      size += h.size();
      strings.add(h.hash());
    }
    return new DirHash(size, hashFromHashes(strings), MD5_D, files.size());
  }

  private static void digestRange(
      FileChannel channel, long position, long length, MessageDigest md, ByteBuffer buffer)
      throws IOException {
    long done = 0;
    while (done < length) {
      buffer.clear();
      if (length - done < buffer.capacity()) {
        buffer.limit((int) (length - done));
      }
      int n = channel.read(buffer, position + done);
      if (n < 0) {
        throw new IOException("file shrank while being hashed (expected " + length + " bytes)");
      }
      buffer.flip();
      md.update(buffer);
      done += n;
    }
  }
}
