package org.lamindb.internal.nio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lamindb.LaminSetup;
import org.lamindb.model.Artifact;

/**
 * {@code lamin://owner/name/artifact/<uid or key>} as a read-only {@link java.nio.file.Path}, so
 * that any JVM code (Groovy, Nextflow, Kotlin scripts) can read an artifact with {@code
 * Files.newInputStream(Path.of(URI.create("lamin://owner/name/artifact/<uid>")))}. Registered as a
 * service; the instance is resolved like {@code ln.db("owner/name")} (local settings, then the
 * catalog) and opened read-only once per file system. Writes fail with {@link
 * ReadOnlyFileSystemException}.
 */
public final class LaminFileSystemProvider extends FileSystemProvider {
  /**
   * Key of {@link #newFileSystem(URI, Map)}'s environment: the {@link LaminSetup} to resolve with.
   */
  public static final String SETUP = "setup";

  private final Map<String, LaminFileSystem> systems = new ConcurrentHashMap<>();

  /** Called by the {@link java.util.ServiceLoader}. */
  public LaminFileSystemProvider() {}

  @Override
  public String getScheme() {
    return "lamin";
  }

  private static String[] ownerName(URI uri) {
    if (!"lamin".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("not a lamin:// URI: " + uri);
    }
    String owner = uri.getAuthority();
    String p = uri.getPath() == null ? "" : uri.getPath();
    String[] parts = p.startsWith("/") ? p.substring(1).split("/", 2) : new String[] {""};
    if (owner == null || owner.isEmpty() || parts[0].isEmpty()) {
      throw new IllegalArgumentException(
          "lamin:// URI '" + uri + "' names no instance; use lamin://owner/name/artifact/<uid>");
    }
    return new String[] {owner, parts[0], parts.length > 1 ? "/" + parts[1] : "/"};
  }

  @Override
  public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
    String[] on = ownerName(uri);
    String slug = on[0] + "/" + on[1];
    Object setup = env == null ? null : env.get(SETUP);
    LaminFileSystem fs =
        new LaminFileSystem(this, on[0], on[1], setup instanceof LaminSetup s ? s : null);
    if (systems.putIfAbsent(slug, fs) != null) {
      throw new FileSystemAlreadyExistsException("lamin://" + slug);
    }
    return fs;
  }

  @Override
  public FileSystem getFileSystem(URI uri) {
    String[] on = ownerName(uri);
    LaminFileSystem fs = systems.get(on[0] + "/" + on[1]);
    if (fs == null) {
      throw new FileSystemNotFoundException("lamin://" + on[0] + "/" + on[1]);
    }
    return fs;
  }

  /** Paths of a URI whose file system was not created yet get one with the default setup. */
  @Override
  public Path getPath(URI uri) {
    String[] on = ownerName(uri);
    LaminFileSystem fs =
        systems.computeIfAbsent(
            on[0] + "/" + on[1], k -> new LaminFileSystem(this, on[0], on[1], null));
    return fs.getPath(on[2]);
  }

  void closed(LaminFileSystem fs) {
    systems.remove(fs.slug(), fs);
  }

  private static LaminPath lamin(Path p) {
    if (!(p instanceof LaminPath lp)) {
      throw new ProviderMismatchException("not a lamin:// path: " + p);
    }
    return lp;
  }

  private static void refuseWrites(Set<? extends OpenOption> options) {
    for (OpenOption o : options) {
      if (o == StandardOpenOption.WRITE
          || o == StandardOpenOption.APPEND
          || o == StandardOpenOption.CREATE
          || o == StandardOpenOption.CREATE_NEW
          || o == StandardOpenOption.DELETE_ON_CLOSE
          || o == StandardOpenOption.TRUNCATE_EXISTING) {
        throw new ReadOnlyFileSystemException();
      }
    }
  }

  @Override
  public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
    refuseWrites(Set.of(options));
    LaminPath p = lamin(path);
    return p.getFileSystem().artifact(p).openStream();
  }

  @Override
  public SeekableByteChannel newByteChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    refuseWrites(options);
    LaminPath p = lamin(path);
    Path local = p.getFileSystem().artifact(p).cache();
    return Files.newByteChannel(local, StandardOpenOption.READ);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(
      Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
    throw new NotDirectoryException(
        dir + " (lamin:// file systems do not list; name an artifact by uid or key)");
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) {
    throw new ReadOnlyFileSystemException();
  }

  @Override
  public void delete(Path path) {
    throw new ReadOnlyFileSystemException();
  }

  @Override
  public void copy(Path source, Path target, CopyOption... options) {
    throw new ReadOnlyFileSystemException();
  }

  @Override
  public void move(Path source, Path target, CopyOption... options) {
    throw new ReadOnlyFileSystemException();
  }

  @Override
  public boolean isSameFile(Path path, Path path2) {
    return path.toAbsolutePath().normalize().equals(path2.toAbsolutePath().normalize());
  }

  @Override
  public boolean isHidden(Path path) {
    return false;
  }

  @Override
  public FileStore getFileStore(Path path) {
    throw new UnsupportedOperationException("lamin:// paths have no file store");
  }

  @Override
  public void checkAccess(Path path, AccessMode... modes) throws IOException {
    LaminPath p = lamin(path);
    for (AccessMode m : modes) {
      if (m != AccessMode.READ) {
        throw new AccessDeniedException(path.toString(), null, "lamin:// paths are read-only");
      }
    }
    if (!p.toAbsolutePath().toString().equals("/")) {
      p.getFileSystem().artifact(p);
    }
  }

  @Override
  public <V extends FileAttributeView> V getFileAttributeView(
      Path path, Class<V> type, LinkOption... options) {
    if (type != BasicFileAttributeView.class) {
      return null;
    }
    LaminPath p = lamin(path);
    return type.cast(
        new BasicFileAttributeView() {
          @Override
          public String name() {
            return "basic";
          }

          @Override
          public BasicFileAttributes readAttributes() throws IOException {
            return attributes(p);
          }

          @Override
          public void setTimes(FileTime m, FileTime a, FileTime c) {
            throw new ReadOnlyFileSystemException();
          }
        });
  }

  @Override
  public <A extends BasicFileAttributes> A readAttributes(
      Path path, Class<A> type, LinkOption... options) throws IOException {
    if (!type.isAssignableFrom(BasicFileAttributes.class)) {
      throw new UnsupportedOperationException("lamin:// paths have basic attributes only");
    }
    return type.cast(attributes(lamin(path)));
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
    String names = attributes.startsWith("basic:") ? attributes.substring(6) : attributes;
    if (attributes.contains(":") && !attributes.startsWith("basic:")) {
      throw new UnsupportedOperationException("lamin:// paths have basic attributes only");
    }
    BasicFileAttributes a = attributes(lamin(path));
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("size", a.size());
    all.put("creationTime", a.creationTime());
    all.put("lastModifiedTime", a.lastModifiedTime());
    all.put("lastAccessTime", a.lastAccessTime());
    all.put("isRegularFile", a.isRegularFile());
    all.put("isDirectory", a.isDirectory());
    all.put("isSymbolicLink", false);
    all.put("isOther", false);
    all.put("fileKey", a.fileKey());
    if (names.equals("*")) {
      return all;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String n : names.split(",")) {
      if (all.containsKey(n)) {
        out.put(n, all.get(n));
      }
    }
    return out;
  }

  @Override
  public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
    throw new ReadOnlyFileSystemException();
  }

  private static BasicFileAttributes attributes(LaminPath p) throws IOException {
    boolean root = p.toAbsolutePath().toString().equals("/");
    Artifact a = root ? null : p.getFileSystem().artifact(p);
    boolean folder = a != null && a.nFiles() != null && a.nFiles() > 1;
    FileTime t =
        a == null || a.createdAt() == null
            ? FileTime.fromMillis(0)
            : FileTime.from(a.createdAt().toInstant());
    long size = a == null || a.size() == null ? 0 : a.size();
    String key = a == null ? "/" : a.uid();
    return new BasicFileAttributes() {
      @Override
      public FileTime lastModifiedTime() {
        return t;
      }

      @Override
      public FileTime lastAccessTime() {
        return t;
      }

      @Override
      public FileTime creationTime() {
        return t;
      }

      @Override
      public boolean isRegularFile() {
        return !root && !folder;
      }

      @Override
      public boolean isDirectory() {
        return root || folder;
      }

      @Override
      public boolean isSymbolicLink() {
        return false;
      }

      @Override
      public boolean isOther() {
        return false;
      }

      @Override
      public long size() {
        return size;
      }

      @Override
      public Object fileKey() {
        return key;
      }
    };
  }
}
