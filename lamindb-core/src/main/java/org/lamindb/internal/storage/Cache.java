package org.lamindb.internal.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;

/**
 * The local cache of remote objects (spec §4.5): {@code s3://bucket/.lamindb/x.h5ad} is cached at
 * {@code <cache>/bucket/.lamindb/x.h5ad}, downloaded only when missing or older than the remote
 * object.
 *
 * <pre>{@code
 * Cache cache = Cache.fromEnvironment(null);
 * Path local = cache.cache(s3Backend, ".lamindb/AbCd1234EfGh5678IjKl.h5ad");
 * }</pre>
 */
public final class Cache {

  /** Environment variable that overrides every other cache setting. */
  public static final String ENV_CACHE_DIR = "LAMIN_CACHE_DIR";

  private final Path root;

  /**
   * @param root the cache root; created on the first download
   */
  public Cache(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * A cache at the root chosen by {@link #resolveRoot} from this process's environment.
   *
   * @param configured the cache path from the settings ({@code lamindb_cache_path}), or null
   * @return the cache
   */
  public static Cache fromEnvironment(String configured) {
    return new Cache(
        resolveRoot(
            System.getenv(),
            configured,
            Path.of(System.getProperty("user.home")),
            System.getProperty("os.name", "")));
  }

  /**
   * Picks the cache root: env {@code LAMIN_CACHE_DIR} &gt; the configured path &gt; the platform's
   * user cache folder ({@code $XDG_CACHE_HOME/lamindb} or {@code ~/.cache/lamindb} on Linux, {@code
   * ~/Library/Caches/lamindb} on macOS, {@code %LOCALAPPDATA%\laminlabs\lamindb\Cache} on Windows).
   *
   * @param env environment variables
   * @param configured the configured cache path, or null/blank
   * @param home the user's home folder
   * @param osName value of {@code os.name}
   * @return an absolute path
   */
  public static Path resolveRoot(
      Map<String, String> env, String configured, Path home, String osName) {
    String fromEnv = env.get(ENV_CACHE_DIR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return expandHome(fromEnv.trim(), home);
    }
    if (configured != null && !configured.isBlank() && !configured.trim().equals("null")) {
      return expandHome(configured.trim(), home);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Caches").resolve("lamindb");
    }
    if (os.startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      Path base = local != null ? Path.of(local) : home.resolve("AppData").resolve("Local");
      return base.resolve("laminlabs").resolve("lamindb").resolve("Cache");
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg).resolve("lamindb");
    }
    return home.resolve(".cache").resolve("lamindb");
  }

  /**
   * @return the cache root
   */
  public Path root() {
    return root;
  }

  /**
   * The cache location of an object: the storage root without its scheme, then the key.
   *
   * @param storageRoot e.g. {@code s3://bucket/prefix}
   * @param key key below that root
   * @return a path inside the cache root
   * @throws InvalidArgumentException when the result would leave the cache root
   */
  public Path pathFor(String storageRoot, String key) {
    String withoutScheme = storageRoot;
    int scheme = withoutScheme.indexOf("://");
    if (scheme >= 0) {
      withoutScheme = withoutScheme.substring(scheme + 3);
    }
    int query = withoutScheme.indexOf('?');
    if (query >= 0) {
      withoutScheme = withoutScheme.substring(0, query);
    }
    while (withoutScheme.startsWith("/")) {
      withoutScheme = withoutScheme.substring(1);
    }
    while (withoutScheme.endsWith("/")) {
      withoutScheme = withoutScheme.substring(0, withoutScheme.length() - 1);
    }
    String relative = withoutScheme.isEmpty() ? key : withoutScheme + "/" + key;
    try {
      Keys.validateStorageKey(relative);
    } catch (InvalidArgumentException e) {
      throw new InvalidArgumentException(
          "Cannot cache '" + storageRoot + "/" + key + "': " + e.getMessage(), e);
    }
    return inside(root.resolve(relative).normalize(), storageRoot + "/" + key);
  }

  /**
   * A local path holding the object's current content: the file itself for local storage, else an
   * up-to-date copy in the cache (see {@link #sync}).
   *
   * @param backend the storage holding the object
   * @param key its key
   * @return a local file or folder
   */
  public Path cache(StorageBackend backend, String key) throws IOException {
    Optional<Path> local = backend.localPath(key);
    if (local.isPresent()) {
      if (!Files.exists(local.get())) {
        throw new NoSuchFileException(
            local.get().toString(), null, "no object at key '" + key + "'");
      }
      return local.get();
    }
    Path target = pathFor(backend.root(), key);
    sync(backend, key, target, TransferProgress.NONE);
    return target;
  }

  /**
   * Brings {@code localPath} up to date with the object at {@code key}: downloads a file only when
   * the local copy is missing or older than the remote one, then sets the local modification time
   * to the remote's. Folders are synced file by file, and local files that no longer exist remotely
   * are removed.
   *
   * @param backend the storage holding the object
   * @param key its key
   * @param localPath where the copy lives
   * @param progress receives bytes downloaded
   * @return the number of files downloaded (0 when everything was current)
   * @throws NoSuchFileException when nothing is stored at {@code key}
   */
  public int sync(StorageBackend backend, String key, Path localPath, TransferProgress progress)
      throws IOException {
    ObjectStat stat =
        backend
            .stat(key)
            .orElseThrow(
                () ->
                    new NoSuchFileException(
                        backend.root() + "/" + key, null, "no object at this key to cache"));
    if (!stat.folder()) {
      return syncFile(backend, stat, localPath, progress) ? 1 : 0;
    }
    Path base = localPath.toAbsolutePath().normalize();
    if (Files.isRegularFile(base)) {
      Files.delete(base);
    }
    List<ObjectStat> objects = backend.list(key);
    Set<Path> expected = new HashSet<>();
    int downloaded = 0;
    for (ObjectStat object : objects) {
      String relative = object.key().substring(key.length() + 1);
      Path local = LocalFiles.resolveInside(base, relative);
      expected.add(local);
      if (syncFile(backend, object, local, progress)) {
        downloaded++;
      }
    }
    if (Files.isDirectory(base)) {
      for (Path file : LocalFiles.regularFiles(base)) {
        if (!expected.contains(file)) {
          Files.deleteIfExists(file);
        }
      }
    }
    return downloaded;
  }

  private static boolean syncFile(
      StorageBackend backend, ObjectStat remote, Path local, TransferProgress progress)
      throws IOException {
    if (Files.isRegularFile(local) && remote.lastModified() != null) {
      FileTime localTime = Files.getLastModifiedTime(local);
      if (!localTime.toInstant().isBefore(remote.lastModified())
          && Files.size(local) == remote.size()) {
        return false;
      }
    }
    Files.createDirectories(local.toAbsolutePath().getParent());
    backend.download(remote.key(), local, progress);
    if (remote.lastModified() != null) {
      Files.setLastModifiedTime(local, FileTime.from(remote.lastModified()));
    }
    return true;
  }

  private Path inside(Path path, String what) {
    if (!path.startsWith(root) || path.equals(root)) {
      throw new InvalidArgumentException(
          "Cache path for '" + what + "' resolves outside the cache root '" + root + "'.");
    }
    return path;
  }

  private static Path expandHome(String path, Path home) {
    if (path.equals("~")) {
      return home;
    }
    if (path.startsWith("~/")) {
      return home.resolve(path.substring(2));
    }
    return Path.of(path).toAbsolutePath();
  }
}
