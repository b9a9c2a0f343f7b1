package org.lamindb.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The provider of {@link ObjectFileSystem} views: read-only, no links, basic attributes only. */
final class ObjectFileSystemProvider extends FileSystemProvider {
  static final ObjectFileSystemProvider INSTANCE = new ObjectFileSystemProvider();

  private static ObjectPath cast(Path p) {
    if (!(p instanceof ObjectPath o)) {
      throw new java.nio.file.ProviderMismatchException("not a path of an object store view: " + p);
    }
    return o;
  }

  @Override
  public String getScheme() {
    return "lamindb-object";
  }

  @Override
  public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
    throw new UnsupportedOperationException("use ObjectPaths.of(backend, key)");
  }

  @Override
  public FileSystem getFileSystem(URI uri) {
    throw new UnsupportedOperationException("use ObjectPaths.of(backend, key)");
  }

  @Override
  public Path getPath(URI uri) {
    throw new UnsupportedOperationException("use ObjectPaths.of(backend, key)");
  }

  @Override
  public SeekableByteChannel newByteChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    for (OpenOption o : options) {
      if (o != StandardOpenOption.READ) {
        throw new ReadOnlyFileSystemException();
      }
    }
    ObjectPath p = cast(path.toAbsolutePath());
    Long size = p.getFileSystem().size(p.key());
    if (size == null) {
      throw new NoSuchFileException(p.toString());
    }
    return new Channel(p.getFileSystem(), p.key(), size);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(
      Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
    ObjectPath p = cast(dir);
    ObjectFileSystem fs = p.getFileSystem();
    String key = cast(dir.toAbsolutePath()).key();
    if (!fs.isFolder(key)) {
      throw fs.size(key) != null
          ? new NotDirectoryException(p.toString())
          : new NoSuchFileException(p.toString());
    }
    List<Path> out = new ArrayList<>();
    for (String name : fs.children(key)) {
      Path c = dir.resolve(name);
      if (filter == null || filter.accept(c)) {
        out.add(c);
      }
    }
    return new DirectoryStream<>() {
      @Override
      public Iterator<Path> iterator() {
        return out.iterator();
      }

      @Override
      public void close() {}
    };
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
    throw new UnsupportedOperationException("object storage has no file stores");
  }

  @Override
  public void checkAccess(Path path, AccessMode... modes) throws IOException {
    for (AccessMode m : modes) {
      if (m != AccessMode.READ) {
        throw new ReadOnlyFileSystemException();
      }
    }
    attributes(path);
  }

  private Attrs attributes(Path path) throws IOException {
    ObjectPath p = cast(path.toAbsolutePath());
    Long size = p.getFileSystem().size(p.key());
    if (size != null) {
      return new Attrs(size, false);
    }
    if (p.getFileSystem().isFolder(p.key())) {
      return new Attrs(0, true);
    }
    throw new NoSuchFileException(p.toString());
  }

  @Override
  public <V extends FileAttributeView> V getFileAttributeView(
      Path path, Class<V> type, LinkOption... options) {
    return null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A extends BasicFileAttributes> A readAttributes(
      Path path, Class<A> type, LinkOption... options) throws IOException {
    if (!type.isAssignableFrom(Attrs.class)) {
      throw new UnsupportedOperationException("only basic attributes: " + type.getName());
    }
    return (A) attributes(path);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
    Attrs a = attributes(path);
    return Map.of(
        "size", a.size(), "isDirectory", a.isDirectory(), "isRegularFile", a.isRegularFile());
  }

  @Override
  public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
    throw new ReadOnlyFileSystemException();
  }

  /** Basic attributes of an object (a file) or a folder. */
  private record Attrs(long size, boolean isDirectory) implements BasicFileAttributes {
    @Override
    public FileTime lastModifiedTime() {
      return FileTime.fromMillis(0);
    }

    @Override
    public FileTime lastAccessTime() {
      return lastModifiedTime();
    }

    @Override
    public FileTime creationTime() {
      return lastModifiedTime();
    }

    @Override
    public boolean isRegularFile() {
      return !isDirectory;
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
    public Object fileKey() {
      return null;
    }
  }

  /** A read-only channel over one object, each read a ranged request (or a cached block). */
  private static final class Channel implements SeekableByteChannel {
    private final ObjectFileSystem fs;
    private final String key;
    private final long size;
    private long position;
    private boolean open = true;

    Channel(ObjectFileSystem fs, String key, long size) {
      this.fs = fs;
      this.key = key;
      this.size = size;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      if (!open) {
        throw new java.nio.channels.ClosedChannelException();
      }
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(dst.remaining(), size - position);
      if (dst.hasArray()) {
        fs.read(key, position, dst.array(), dst.arrayOffset() + dst.position(), n);
        dst.position(dst.position() + n);
      } else {
        byte[] tmp = new byte[n];
        fs.read(key, position, tmp, 0, n);
        dst.put(tmp);
      }
      position += n;
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new NonWritableChannelException();
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
      position = newPosition;
      return this;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public SeekableByteChannel truncate(long s) {
      throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
