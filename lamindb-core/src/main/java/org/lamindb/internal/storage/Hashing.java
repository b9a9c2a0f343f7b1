package org.lamindb.internal.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;

/**
 * Content hashes identical to LaminDB's (spec §3): md5 of small files, the first/last-chunk sha1
 * scheme for large files, and the order-independent {@code md5-d} hash of folders. Files are
 * streamed through a per-thread buffer; no file is ever read into memory as a whole.
 *
 * <pre>{@code
 * Hashing.FileHash h = Hashing.hashFile(Path.of("a.txt"));   // h.hash() = "DMF1ucDxtqgxw5niaXcmYQ" for "a"
 * }</pre>
 */
public final class Hashing {

  /** Files larger than this are hashed from their first and last chunk of this size (50 MiB). */
  public static final long CHUNK_SIZE = 52_428_800L;

  /** Length of every LaminDB hash string. */
  public static final int HASH_LENGTH = 22;

  /** {@code hashType} of a whole-file md5. */
  public static final String MD5 = "md5";

  /** {@code hashType} of a large file hashed from its first and last chunk. */
  public static final String SHA1_FL = "sha1-fl";

  /** {@code hashType} of a folder hash. */
  public static final String MD5_D = "md5-d";

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

  /**
   * Combines per-file hashes into a folder hash (LaminDB's {@code hash_from_hashes_list}): md5 over
   * the md5 digests of the sorted hash strings. Used for local folders and for cloud folders whose
   * objects all have hashes.
   *
   * @param hashes hash strings of the files, in any order (duplicates count)
   * @return 22-character hash
   */
  public static String hashFromHashes(Collection<String> hashes) {
    List<String> sorted = new ArrayList<>(hashes);
    sorted.sort(null);
    MessageDigest outer = digest("MD5");
    MessageDigest inner = digest("MD5");
    for (String h : sorted) {
      outer.update(inner.digest(h.getBytes(StandardCharsets.UTF_8)));
    }
    return toB64(outer.digest());
  }

  /**
   * LaminDB's {@code hash_string}: base64url md5 of the UTF-8 bytes, 22 characters.
   *
   * @param s any string
   * @return 22-character hash
   */
  public static String hashString(String s) {
    return toB64(digest("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * LaminDB's {@code hash_set}: {@link #hashString(String)} of the sorted, de-duplicated members
   * joined by ':'.
   *
   * @param members strings in any order
   * @return 22-character hash
   */
  public static String hashSet(Collection<String> members) {
    return hashString(String.join(":", new TreeSet<>(members)));
  }

  /**
   * URL-safe base64 without padding, cut to 22 characters (an md5 digest gives exactly 22).
   *
   * @param digest raw digest bytes (at least 16)
   * @return 22-character string
   */
  public static String toB64(byte[] digest) {
    String s = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    return s.length() > HASH_LENGTH ? s.substring(0, HASH_LENGTH) : s;
  }

  /**
   * Converts a hex digest (e.g. an S3 ETag) to LaminDB's base64url form.
   *
   * @param hex hexadecimal digest, e.g. {@code 9b89c8c1acf79dba5b5341d1fff9806f}
   * @return 22-character string
   * @throws InvalidArgumentException when {@code hex} is not hexadecimal
   */
  public static String hexToB64(String hex) {
    try {
      return toB64(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException("Not a hexadecimal digest: '" + hex + "'", e);
    }
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

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
