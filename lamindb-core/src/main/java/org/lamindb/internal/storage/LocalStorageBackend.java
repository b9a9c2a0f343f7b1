package org.lamindb.internal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lamindb.InvalidArgumentException;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;

/**
 * Storage on a local or mounted file system. Writes go to a temporary sibling and are renamed into
 * place, so an object is either complete or absent; folders are copied file by file into a
 * temporary folder that then replaces the target in one rename. Keys never reach outside the root,
 * neither through their text nor through symbolic links.
 *
 * <pre>{@code
 * StorageBackend local = new LocalStorageBackend(Path.of("/data/lamin"));
 * local.upload(Path.of("x.csv"), ".lamindb/AbCd1234EfGh5678IjKl.csv", TransferProgress.NONE);
 * }</pre>
 */
public final class LocalStorageBackend implements StorageBackend {

  private final Path root;

  /**
   * @param root an absolute path; it is created on the first write when missing
   * @throws InvalidArgumentException when {@code root} is relative
   */
  public LocalStorageBackend(Path root) {
    if (!root.isAbsolute()) {
      throw new InvalidArgumentException(
          "Local storage root '"
              + root
              + "' is relative; pass an absolute path such as '"
              + root.toAbsolutePath()
              + "'.");
    }
    this.root = root.normalize();
  }

  /**
   * @param root an absolute path or a {@code file://} URI
   * @return a backend for it
   * @throws InvalidArgumentException when the root is relative or not a file URI
   */
  public static LocalStorageBackend forRoot(String root) {
    if (root.startsWith("file:")) {
      try {
        return new LocalStorageBackend(Path.of(URI.create(root)));
      } catch (IllegalArgumentException e) {
        throw new InvalidArgumentException(
            "Not a valid file URI: '" + root + "'; use file:///absolute/path.", e);
      }
    }
    return new LocalStorageBackend(Path.of(root));
  }

  @Override
  public String root() {
    return root.toString();
  }

  @Override
  public String type() {
    return "local";
  }

  /**
   * @return the root as a path
   */
  public Path rootPath() {
    return root;
  }

  @Override
  public Optional<ObjectStat> stat(String key) throws IOException {
    Path path = resolve(key);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (attributes.isDirectory()) {
      long size = 0;
      Instant latest = attributes.lastModifiedTime().toInstant();
      for (Path file : LocalFiles.regularFiles(path)) {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        size += a.size();
        Instant modified = a.lastModifiedTime().toInstant();
        if (modified.isAfter(latest)) {
          latest = modified;
        }
      }
      return Optional.of(new ObjectStat(key, size, latest, null, null, true));
    }
    return Optional.of(
        new ObjectStat(
            key, attributes.size(), attributes.lastModifiedTime().toInstant(), null, null, false));
  }

  @Override
  public List<ObjectStat> list(String prefix) throws IOException {
    Path base = prefix == null || prefix.isEmpty() ? root : resolve(prefix);
    List<ObjectStat> out = new ArrayList<>();
    if (!Files.exists(base)) {
      return out;
    }
    if (!Files.isDirectory(base)) {
      stat(prefix).ifPresent(out::add);
      return out;
    }
    for (Path file : LocalFiles.regularFiles(base)) {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      out.add(
          new ObjectStat(
              keyOf(file), a.size(), a.lastModifiedTime().toInstant(), null, null, false));
    }
    return out;
  }

  @Override
  public void upload(Path source, String key, TransferProgress progress) throws IOException {
    Path target = resolve(key);
    copyAtomically(source, target, progress);
  }

  @Override
  public void download(String key, Path target, TransferProgress progress) throws IOException {
    Path source = resolve(key);
    if (!Files.exists(source)) {
      throw new NoSuchFileException(
          source.toString(), null, "no object at key '" + key + "' in " + root);
    }
    copyAtomically(source, target.toAbsolutePath(), progress);
  }

  @Override
  public InputStream open(String key) throws IOException {
    Path path = resolve(key);
    if (Files.isDirectory(path)) {
      throw new IOException(
          "'" + key + "' is a folder in " + root + "; open the files inside it instead");
    }
    return Files.newInputStream(path);
  }

  /** Ranged read of a local file: positional reads, nothing before {@code offset} is read. */
  @Override
  public InputStream open(String key, long offset, long length) throws IOException {
    Path path = resolve(key);
    if (Files.isDirectory(path)) {
      throw new IOException(
          "'" + key + "' is a folder in " + root + "; open the files inside it instead");
    }
    long size = Files.size(path);
    long start = Math.min(Math.max(0, offset), size);
    return new org.lamindb.storage.FileRegionInputStream(
        path, start, Math.min(length, size - start), null);
  }

  @Override
  public void move(String fromKey, String toKey) throws IOException {
    Path from = resolve(fromKey);
    Path to = resolve(toKey);
    if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(
          from.toString(), null, "no object at key '" + fromKey + "' in " + root);
    }
    Files.createDirectories(to.getParent());
    LocalFiles.replace(from, to);
  }

  @Override
  public void delete(String key) throws IOException {
    LocalFiles.deleteTree(resolve(key));
  }

  @Override
  public Optional<Path> localPath(String key) {
    return Optional.of(resolve(key));
  }

  /**
   * Maps a key to a path below the root.
   *
   * @throws InvalidArgumentException when the key is invalid or leads outside the root (also via
   *     symbolic links)
   */
  Path resolve(String key) {
    Keys.validateStorageKey(key);
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw escapes(key);
    }
    checkNoEscapeThroughLinks(key, path);
    return path;
  }

  private void checkNoEscapeThroughLinks(String key, Path path) {
    Path existing = path;
    while (existing != null
        && !existing.equals(root)
        && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null || existing.equals(root)) {
      return;
    }
    try {
      Path realRoot = root.toRealPath();
      Path real = existing.toRealPath();
      if (!real.startsWith(realRoot)) {
        throw escapes(key);
      }
    } catch (NoSuchFileException e) {
      // a dangling link: nothing is read through it, and writes replace the link itself
    } catch (IOException e) {
      throw new InvalidArgumentException(
          "Cannot resolve key '" + key + "' in " + root + ": " + e.getMessage(), e);
    }
  }

  private InvalidArgumentException escapes(String key) {
    return new InvalidArgumentException(
        "Invalid key '"
            + key
            + "': rule 'inside-root' — it resolves outside the storage root '"
            + root
            + "' (e.g. through a symbolic link); use a key below the root.");
  }

  private String keyOf(Path file) {
    StringBuilder sb = new StringBuilder();
    for (Path segment : root.relativize(file)) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(segment);
    }
    return sb.toString();
  }

  private static void copyAtomically(Path source, Path target, TransferProgress sink)
      throws IOException {
    boolean folder = Files.isDirectory(source);
    long total = folder ? LocalFiles.treeSize(source) : Files.size(source);
    LocalFiles.Progress progress = new LocalFiles.Progress(sink, total);
    Files.createDirectories(target.getParent());
    Path temp = LocalFiles.tempSibling(target);
    try {
      if (folder) {
        LocalFiles.copyTree(source, temp, progress);
      } else {
        LocalFiles.copyFile(source, temp, progress);
      }
      LocalFiles.replace(temp, target);
    } catch (IOException | RuntimeException | Error e) {
      LocalFiles.deleteQuietly(temp);
      throw e;
    }
  }
}
