package org.lamindb.storage;

import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path of an {@link ObjectFileSystem}: {@code /}-separated names; absolute paths are keys of the
 * storage (relative to its root).
 */
final class ObjectPath implements Path {
  private final ObjectFileSystem fs;
  private final boolean absolute;
  private final List<String> names;

  ObjectPath(ObjectFileSystem fs, String path) {
    this.fs = fs;
    this.absolute = path.startsWith("/");
    List<String> n = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        n.add(s);
      }
    }
    this.names = List.copyOf(n);
  }

  private ObjectPath(ObjectFileSystem fs, boolean absolute, List<String> names) {
    this.fs = fs;
    this.absolute = absolute;
    this.names = List.copyOf(names);
  }

  /**
   * @return the storage key (names joined by {@code /}, no leading slash)
   */
  String key() {
    return String.join("/", names);
  }

  private static ObjectPath cast(Path p) {
    if (!(p instanceof ObjectPath o)) {
      throw new ProviderMismatchException("not a path of an object store view: " + p);
    }
    return o;
  }

  @Override
  public ObjectFileSystem getFileSystem() {
    return fs;
  }

  @Override
  public boolean isAbsolute() {
    return absolute;
  }

  @Override
  public Path getRoot() {
    return absolute ? new ObjectPath(fs, true, List.of()) : null;
  }

  @Override
  public Path getFileName() {
    return names.isEmpty() ? null : new ObjectPath(fs, false, List.of(names.get(names.size() - 1)));
  }

  @Override
  public Path getParent() {
    if (names.isEmpty() || (names.size() == 1 && !absolute)) {
      return null;
    }
    return new ObjectPath(fs, absolute, names.subList(0, names.size() - 1));
  }

  @Override
  public int getNameCount() {
    return names.size();
  }

  @Override
  public Path getName(int index) {
    return new ObjectPath(fs, false, List.of(names.get(index)));
  }

  @Override
  public Path subpath(int beginIndex, int endIndex) {
    return new ObjectPath(fs, false, names.subList(beginIndex, endIndex));
  }

  @Override
  public boolean startsWith(Path other) {
    ObjectPath o = cast(other);
    return o.absolute == absolute
        && o.names.size() <= names.size()
        && names.subList(0, o.names.size()).equals(o.names);
  }

  @Override
  public boolean endsWith(Path other) {
    ObjectPath o = cast(other);
    if (o.absolute) {
      return equals(o);
    }
    return o.names.size() <= names.size()
        && names.subList(names.size() - o.names.size(), names.size()).equals(o.names);
  }

  @Override
  public Path normalize() {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (n.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
        out.remove(out.size() - 1);
      } else if (!n.equals(".")) {
        out.add(n);
      }
    }
    return new ObjectPath(fs, absolute, out);
  }

  @Override
  public Path resolve(Path other) {
    ObjectPath o = cast(other);
    if (o.absolute) {
      return o;
    }
    List<String> n = new ArrayList<>(names);
    n.addAll(o.names);
    return new ObjectPath(fs, absolute, n);
  }

  @Override
  public Path relativize(Path other) {
    ObjectPath o = cast(other);
    int common = 0;
    while (common < names.size()
        && common < o.names.size()
        && names.get(common).equals(o.names.get(common))) {
      common++;
    }
    List<String> n = new ArrayList<>();
    for (int i = common; i < names.size(); i++) {
      n.add("..");
    }
    n.addAll(o.names.subList(common, o.names.size()));
    return new ObjectPath(fs, false, n);
  }

  @Override
  public URI toUri() {
    return URI.create(fs.describe(key()).replace(" ", "%20"));
  }

  @Override
  public Path toAbsolutePath() {
    return absolute ? this : new ObjectPath(fs, true, names);
  }

  @Override
  public Path toRealPath(LinkOption... options) {
    return toAbsolutePath().normalize();
  }

  @Override
  public WatchKey register(
      WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
    throw new UnsupportedOperationException("object storage cannot be watched");
  }

  @Override
  public int compareTo(Path other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectPath p
        && p.fs == fs
        && p.absolute == absolute
        && p.names.equals(names);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new Object[] {absolute, names});
  }

  /** The storage URL of this key, as in error messages ({@code s3://bucket/key}). */
  @Override
  public String toString() {
    return absolute ? fs.describe(key()) : key();
  }
}
