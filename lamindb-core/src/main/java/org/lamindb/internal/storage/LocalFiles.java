package org.lamindb.internal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lamindb.storage.TransferProgress;

/**
 * File-system helpers shared by the storage backends and the cache: streaming copies with progress,
 * temporary siblings, and atomic replacement of files and folders.
 */
public final class LocalFiles {

  /** Name prefix of temporary files and folders; listings skip them. */
  public static final String TEMP_PREFIX = ".lamindb-tmp-";

  private static final long TRANSFER_STEP = 16L << 20;
  private static final int STREAM_BUFFER = 1 << 20;

  private LocalFiles() {}

  /**
   * Counts transferred bytes of one operation and forwards them to a {@link TransferProgress}.
   * Thread-safe: parallel part uploads report through one counter, and the sink sees one update at
   * a time with a growing total.
   */
  public static final class Progress {
    private final TransferProgress sink;
    private final long total;
    private long done;

    /**
     * @param sink receives updates, may be {@link TransferProgress#NONE}
     * @param total total bytes, or -1 when unknown
     */
    public Progress(TransferProgress sink, long total) {
      this.sink = sink == null ? TransferProgress.NONE : sink;
      this.total = total;
    }

    /**
     * @param bytes newly transferred bytes; reports the running total
     */
    public synchronized void add(long bytes) {
      done += bytes;
      sink.update(done, total);
    }

    /**
     * @return bytes transferred so far
     */
    public synchronized long done() {
      return done;
    }
  }

  /**
   * @param target the final path
   * @return a fresh temporary path next to {@code target} (same folder, so a rename is atomic)
   */
  public static Path tempSibling(Path target) {
    String name = target.getFileName() == null ? "root" : target.getFileName().toString();
    if (name.length() > 100) {
      name = name.substring(name.length() - 100);
    }
    return target.resolveSibling(
        TEMP_PREFIX + UUID.randomUUID().toString().substring(0, 8) + "-" + name);
  }

  /**
   * @return true when a file name is one of our temporary names
   */
  public static boolean isTemp(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(TEMP_PREFIX);
  }

  /**
   * Copies a regular file with in-kernel transfers where the platform has them.
   *
   * @param source regular file
   * @param target file to create or truncate
   * @param progress counts bytes; updated at least once per file
   */
  public static void copyFile(Path source, Path target, Progress progress) throws IOException {
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(
                target,
                StandardOpenOption.WRITE,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      long size = in.size();
      long position = 0;
      while (position < size) {
        long step = Math.min(TRANSFER_STEP, size - position);
        long n = in.transferTo(position, step, out);
        if (n <= 0) {
          // transferTo may move nothing on some channels; fall back to a buffered copy of this step
          n = copyBuffered(in, position, step, out);
        }
        position += n;
        progress.add(n);
      }
      if (size == 0) {
        progress.add(0);
      }
    }
  }

  /**
   * Streams {@code in} into a new file, reporting progress.
   *
   * @param in source stream, not closed here
   * @param target file to create or truncate
   * @param progress counts bytes
   * @return number of bytes written
   */
  public static long copyStream(InputStream in, Path target, Progress progress) throws IOException {
    byte[] buffer = new byte[STREAM_BUFFER];
    long total = 0;
    try (var out =
        Files.newOutputStream(
            target,
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        total += n;
        progress.add(n);
      }
    }
    if (total == 0) {
      progress.add(0);
    }
    return total;
  }

  /**
   * Copies a folder file by file into {@code target}, which must not exist.
   *
   * @param source folder
   * @param target folder to create
   * @param progress counts bytes over all files
   */
  public static void copyTree(Path source, Path target, Progress progress) throws IOException {
    Files.createDirectories(target);
    for (Path file : regularFiles(source)) {
      Path destination = target.resolve(source.relativize(file).toString());
      Files.createDirectories(destination.getParent());
      copyFile(file, destination, progress);
    }
  }

  /**
   * Moves {@code temp} onto {@code target} atomically, replacing a file or folder that is already
   * there. A replaced folder is first renamed aside, so readers see either the old or the new tree,
   * never a mix.
   */
  public static void replace(Path temp, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        || Files.isDirectory(temp)) {
      Path old = null;
      if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        old = tempSibling(target);
        atomicMove(target, old);
      }
      atomicMove(temp, target);
      if (old != null) {
        deleteTree(old);
      }
      return;
    }
    atomicMove(temp, target);
  }

  /** Moves with {@code ATOMIC_MOVE}, replacing a file at the target. */
  public static void atomicMove(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      deleteTree(to);
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /**
   * Resolves an object's key relative to a local folder, refusing names that would leave it (object
   * stores accept keys such as {@code a/../../x} that other tools may have written).
   *
   * @param base the local folder
   * @param relative '/'-separated relative key
   * @return a path inside {@code base}
   * @throws org.lamindb.InvalidArgumentException when the key is not a valid relative key
   */
  public static Path resolveInside(Path base, String relative) {
    Keys.validateStorageKey(relative);
    Path resolved = base.resolve(relative).normalize();
    if (!resolved.startsWith(base.normalize())) {
      throw new org.lamindb.InvalidArgumentException(
          "Object key '" + relative + "' leads outside '" + base + "'.");
    }
    return resolved;
  }

  /**
   * Deletes a file or a folder with everything in it; a missing path is ignored. Symbolic links are
   * not followed.
   */
  public static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(path);
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(path)) {
      all = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
    }
    for (Path p : all) {
      try {
        Files.deleteIfExists(p);
      } catch (NoSuchFileException ignored) {
        // deleted concurrently
      }
    }
  }

  /** Best-effort delete used on failure paths; never throws. */
  public static void deleteQuietly(Path path) {
    try {
      deleteTree(path);
    } catch (IOException | RuntimeException ignored) {
      // the caller is already reporting the original failure
    }
  }

  /**
   * @return regular files below {@code dir}, recursively, sorted, skipping our temporary names
   */
  public static List<Path> regularFiles(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> Files.isRegularFile(p) && !hasTempSegment(dir.relativize(p)))
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  /**
   * @return total size of the regular files below {@code dir}
   */
  public static long treeSize(Path dir) throws IOException {
    long size = 0;
    for (Path p : regularFiles(dir)) {
      size += Files.size(p);
    }
    return size;
  }

  private static boolean hasTempSegment(Path relative) {
    for (Path segment : relative) {
      if (segment.toString().startsWith(TEMP_PREFIX)) {
        return true;
      }
    }
    return false;
  }

  private static long copyBuffered(FileChannel in, long position, long length, FileChannel out)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(STREAM_BUFFER, length));
    long done = 0;
    while (done < length) {
      buffer.clear();
      if (length - done < buffer.capacity()) {
        buffer.limit((int) (length - done));
      }
      int n = in.read(buffer, position + done);
      if (n < 0) {
        throw new IOException("file shrank while being copied");
      }
      buffer.flip();
      long at = position + done;
      while (buffer.hasRemaining()) {
        at += out.write(buffer, at);
      }
      done += n;
    }
    return done;
  }
}
