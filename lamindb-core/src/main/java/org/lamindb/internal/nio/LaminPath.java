package org.lamindb.internal.nio;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A path in a {@code lamin://owner/name} file system: {@code /artifact/<uid or key>} names an
 * artifact's content; keys may contain slashes. Paths are plain strings of {@code /}-separated
 * names, as in a Unix file system.
 */
final class LaminPath implements Path {
  private final LaminFileSystem fs;
  private final String path;

  LaminPath(LaminFileSystem fs, String path) {
    this.fs = fs;
    this.path = clean(path);
  }

  private static String clean(String p) {
    String s = p.replaceAll("/+", "/");
    return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * @return the artifact reference (uid or key) this path names, or null for other paths
   */
  String artifactRef() {
    String p = toAbsolutePath().normalize().toString();
    return p.startsWith("/artifact/") && p.length() > "/artifact/".length()
        ? p.substring("/artifact/".length())
        : null;
  }

  private List<String> names() {
    if (path.isEmpty() || path.equals("/")) {
      return List.of();
    }
    return Arrays.asList((path.startsWith("/") ? path.substring(1) : path).split("/"));
  }

  private LaminPath of(List<String> names, boolean absolute) {
    return new LaminPath(fs, (absolute ? "/" : "") + String.join("/", names));
  }

  @Override
  public LaminFileSystem getFileSystem() {
    return fs;
  }

  @Override
  public boolean isAbsolute() {
    return path.startsWith("/");
  }

  @Override
  public Path getRoot() {
    return isAbsolute() ? new LaminPath(fs, "/") : null;
  }

  @Override
  public Path getFileName() {
    List<String> n = names();
    return n.isEmpty() ? null : new LaminPath(fs, n.get(n.size() - 1));
  }

  @Override
  public Path getParent() {
    List<String> n = names();
    if (n.isEmpty() || (n.size() == 1 && !isAbsolute())) {
      return null;
    }
    return of(n.subList(0, n.size() - 1), isAbsolute());
  }

  @Override
  public int getNameCount() {
    return names().size();
  }

  @Override
  public Path getName(int index) {
    List<String> n = names();
    if (index < 0 || index >= n.size()) {
      throw new IllegalArgumentException("no name " + index + " in " + path);
    }
    return new LaminPath(fs, n.get(index));
  }

  @Override
  public Path subpath(int beginIndex, int endIndex) {
    List<String> n = names();
    if (beginIndex < 0 || endIndex > n.size() || beginIndex >= endIndex) {
      throw new IllegalArgumentException(
          "no subpath " + beginIndex + ".." + endIndex + " in " + path);
    }
    return of(n.subList(beginIndex, endIndex), false);
  }

  @Override
  public boolean startsWith(Path other) {
    if (!(other instanceof LaminPath o) || o.fs != fs || o.isAbsolute() != isAbsolute()) {
      return false;
    }
    List<String> a = names();
    List<String> b = o.names();
    return b.size() <= a.size() && a.subList(0, b.size()).equals(b);
  }

  @Override
  public boolean endsWith(Path other) {
    if (!(other instanceof LaminPath o) || o.fs != fs) {
      return false;
    }
    if (o.isAbsolute()) {
      return o.equals(this);
    }
    List<String> a = names();
    List<String> b = o.names();
    return b.size() <= a.size() && a.subList(a.size() - b.size(), a.size()).equals(b);
  }

  @Override
  public Path normalize() {
    List<String> out = new ArrayList<>();
    for (String n : names()) {
      if (n.equals(".")) {
        continue;
      }
      if (n.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
        out.remove(out.size() - 1);
      } else if (!(n.equals("..") && isAbsolute())) {
        out.add(n);
      }
    }
    return of(out, isAbsolute());
  }

  @Override
  public Path resolve(Path other) {
    LaminPath o = check(other);
    if (o.isAbsolute()) {
      return o;
    }
    if (o.path.isEmpty()) {
      return this;
    }
    return new LaminPath(fs, path.isEmpty() ? o.path : path + "/" + o.path);
  }

  @Override
  public Path relativize(Path other) {
    LaminPath o = check(other);
    if (o.isAbsolute() != isAbsolute()) {
      throw new IllegalArgumentException("cannot relativize " + other + " against " + this);
    }
    List<String> a = names();
    List<String> b = o.names();
    int common = 0;
    while (common < a.size() && common < b.size() && a.get(common).equals(b.get(common))) {
      common++;
    }
    List<String> rel = new ArrayList<>();
    for (int i = common; i < a.size(); i++) {
      rel.add("..");
    }
    rel.addAll(b.subList(common, b.size()));
    return of(rel, false);
  }

  @Override
  public URI toUri() {
    try {
      return new URI(
          "lamin", fs.owner(), "/" + fs.name() + toAbsolutePath().normalize(), null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("path " + path + " has no lamin:// URI", e);
    }
  }

  @Override
  public Path toAbsolutePath() {
    return isAbsolute() ? this : new LaminPath(fs, "/" + path);
  }

  @Override
  public Path toRealPath(LinkOption... options) throws IOException {
    Path p = toAbsolutePath().normalize();
    fs.provider().checkAccess(p);
    return p;
  }

  @Override
  public WatchKey register(
      WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
    throw new UnsupportedOperationException("lamin:// paths cannot be watched");
  }

  @Override
  public int compareTo(Path other) {
    return path.compareTo(check(other).path);
  }

  private LaminPath check(Path other) {
    if (!(other instanceof LaminPath o)) {
      throw new ProviderMismatchException(
          "not a lamin:// path: " + other + " (" + other.getClass().getName() + ")");
    }
    return o;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LaminPath p && p.fs == fs && p.path.equals(path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fs.slug(), path);
  }

  @Override
  public String toString() {
    return path;
  }
}
