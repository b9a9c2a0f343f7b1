package org.lamindb.storage;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * Local-file helpers for {@link StorageBackend} implementations (core's local backend and cache,
 * the S3 and GCS modules): byte counting for progress, temporary siblings that listings skip,
 * streamed downloads, atomic replacement of files and folders, and folder listings that never leave
 * their root.
 *
 * <pre>{@code
 * Path temp = StorageFiles.tempSibling(target);
 * try (InputStream in = openObject(key)) {
 *   StorageFiles.copyStream(in, temp, new StorageFiles.Progress(progress, size));
 *   StorageFiles.replace(temp, target);           // readers see the old or the new file, never half
 * } finally {
 *   StorageFiles.deleteQuietly(temp);
 * }
 * }</pre>
 */
public class StorageFiles {

  /** Name prefix of temporary files and folders; listings skip them. */
  public static final String TEMP_PREFIX = ".lamindb-tmp-";

  /** Buffer size of streamed copies. */
  protected static final int STREAM_BUFFER = 1 << 20;

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
    StorageKeys.validateStorageKey(relative);
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

  private static boolean hasTempSegment(Path relative) {
    for (Path segment : relative) {
      if (segment.toString().startsWith(TEMP_PREFIX)) {
        return true;
      }
    }
    return false;
  }

  /** For subclasses that add helpers; all members are static. */
  protected StorageFiles() {}
}
