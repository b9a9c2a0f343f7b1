package org.lamindb.internal.nio;

import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Artifact;

/**
 * The read-only file system of one instance, {@code lamin://owner/name}: its artifacts under {@code
 * /artifact/<uid or key>}. The instance is opened read-only on first use, as {@code ln.db(..)}
 * opens it (local settings first, then the catalog).
 */
final class LaminFileSystem extends FileSystem {
  private static final Pattern UID = Pattern.compile("[A-Za-z0-9]{16}([A-Za-z0-9]{4})?");

  private final LaminFileSystemProvider provider;
  private final String owner;
  private final String name;
  private final LaminSetup setup;
  private volatile LaminDB db;
  private volatile boolean open = true;

  LaminFileSystem(LaminFileSystemProvider provider, String owner, String name, LaminSetup setup) {
    this.provider = provider;
    this.owner = owner;
    this.name = name;
    this.setup = setup;
  }

  String owner() {
    return owner;
  }

  String name() {
    return name;
  }

  String slug() {
    return owner + "/" + name;
  }

  /**
   * @return the read-only handle of the instance, opened once
   */
  LaminDB db() {
    LaminDB d = db;
    if (d == null) {
      synchronized (this) {
        if (!open) {
          throw new java.nio.file.ClosedFileSystemException();
        }
        if (db == null) {
          db = (setup != null ? setup : LaminSetup.fromEnvironment()).db(slug());
        }
        d = db;
      }
    }
    return d;
  }

  /**
   * @return the artifact {@code path} names (latest version of a key, or by uid or stem)
   * @throws NoSuchFileException when the path names no artifact of this instance
   */
  Artifact artifact(LaminPath path) throws NoSuchFileException {
    String ref = path.artifactRef();
    if (ref == null) {
      throw new NoSuchFileException(
          path.toString(), null, "lamin:// paths name artifacts: /artifact/<uid or key>");
    }
    Optional<Artifact> a = Optional.empty();
    if (UID.matcher(ref).matches()) {
      try {
        a = Optional.of(db().artifacts().get(ref));
      } catch (org.lamindb.NotFoundException e) {
        a = Optional.empty();
      }
    }
    if (a.isEmpty()) {
      a =
          db().artifacts()
              .filter("key", ref)
              .filter("is_latest", true)
              .exclude("branch_id", -1L)
              .first();
    }
    return a.orElseThrow(
        () ->
            new NoSuchFileException(
                "lamin://" + slug() + path.toAbsolutePath(),
                null,
                "no artifact with uid or key '" + ref + "' in " + slug()));
  }

  @Override
  public LaminFileSystemProvider provider() {
    return provider;
  }

  @Override
  public synchronized void close() {
    if (open) {
      open = false;
      provider.closed(this);
      if (db != null) {
        db.close();
      }
    }
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public boolean isReadOnly() {
    return true;
  }

  @Override
  public String getSeparator() {
    return "/";
  }

  @Override
  public Iterable<Path> getRootDirectories() {
    return List.of(new LaminPath(this, "/"));
  }

  @Override
  public Iterable<FileStore> getFileStores() {
    return List.of();
  }

  @Override
  public Set<String> supportedFileAttributeViews() {
    return Set.of("basic");
  }

  @Override
  public Path getPath(String first, String... more) {
    StringBuilder b = new StringBuilder(first);
    for (String m : more) {
      if (!m.isEmpty()) {
        b.append('/').append(m);
      }
    }
    return new LaminPath(this, b.toString());
  }

  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    PathMatcher m = java.nio.file.FileSystems.getDefault().getPathMatcher(syntaxAndPattern);
    return p -> m.matches(Path.of(p.toString()));
  }

  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    throw new UnsupportedOperationException("lamin:// file systems have no user principals");
  }

  @Override
  public WatchService newWatchService() {
    throw new UnsupportedOperationException("lamin:// file systems cannot be watched");
  }
}
