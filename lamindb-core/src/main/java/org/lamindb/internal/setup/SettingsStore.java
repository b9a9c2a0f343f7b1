package org.lamindb.internal.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.lamindb.InstanceException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.NotFoundException;

/**
 * The settings directory ({@code $LAMIN_HOME}, default {@code ~/.lamin}) with LaminDB's file
 * layout: one {@code instance--<owner>--<name>.env} per instance, {@code current_instance.env} (a
 * copy of the current one), {@code current_user.env}, and {@code storage.env} for the cache
 * directory.
 */
public final class SettingsStore {
  private static final String CURRENT = "current_instance.env";
  private static final String USER = "current_user.env";
  private static final String STORAGE = "storage.env";

  private final Path home;
  private final Map<String, String> env;

  /**
   * @param home the settings directory
   * @param env environment variables to honour ({@code LAMIN_INSTANCE}, {@code LAMIN_CACHE_DIR},
   *     ...)
   */
  public SettingsStore(Path home, Map<String, String> env) {
    this.home = home.toAbsolutePath().normalize();
    this.env = Map.copyOf(env);
  }

  /**
   * @return a store for this process: {@code $LAMIN_HOME} or {@code ~/.lamin}
   */
  public static SettingsStore fromEnvironment() {
    Map<String, String> env = System.getenv();
    String h = env.get("LAMIN_HOME");
    if (h == null || h.isBlank()) {
      h = System.getProperty("lamin.home");
    }
    Path home =
        h != null && !h.isBlank() ? Path.of(h) : Path.of(System.getProperty("user.home"), ".lamin");
    return new SettingsStore(home, env);
  }

  /**
   * @return the settings directory
   */
  public Path home() {
    return home;
  }

  /**
   * @return the environment this store honours
   */
  public Map<String, String> env() {
    return env;
  }

  Path instanceFile(String owner, String name) {
    return home.resolve("instance--" + owner + "--" + name + ".env");
  }

  /**
   * @return all instances known here
   */
  public List<InstanceSettings> instances() {
    if (!Files.isDirectory(home)) {
      return List.of();
    }
    List<InstanceSettings> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(home)) {
      for (Path p : s.sorted().toList()) {
        String f = p.getFileName().toString();
        if (f.startsWith("instance--") && f.endsWith(".env")) {
          out.add(InstanceSettings.fromMap(EnvFile.read(p), p));
        }
      }
    } catch (IOException e) {
      throw new InstanceException("cannot list settings in " + home + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * @return the settings of {@code owner/name}, if present
   */
  public Optional<InstanceSettings> instance(String owner, String name) {
    Path f = instanceFile(owner, name);
    return Files.exists(f)
        ? Optional.of(InstanceSettings.fromMap(EnvFile.read(f), f))
        : Optional.empty();
  }

  /**
   * Resolves {@code owner/name} or a bare {@code name} (own instances first, then a unique match
   * among all).
   *
   * @throws NotFoundException naming the known instances when nothing matches
   */
  public InstanceSettings resolve(String ref) {
    String r = ref.strip();
    if (r.startsWith("https://lamin.ai/")) {
      r = r.substring("https://lamin.ai/".length());
    }
    if (r.isEmpty() || r.chars().filter(c -> c == '/').count() > 1) {
      throw new InvalidArgumentException(
          "'" + ref + "' is not an instance name; use <name> or <owner>/<name>");
    }
    if (r.contains("/")) {
      String[] p = r.split("/", 2);
      return instance(p[0], p[1]).orElseThrow(() -> notFound(ref));
    }
    final String name = r;
    Optional<InstanceSettings> own = instance(currentUser().handle(), name);
    if (own.isPresent()) {
      return own.get();
    }
    List<InstanceSettings> matches =
        instances().stream().filter(s -> s.name().equals(name)).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.size() > 1) {
      throw new InvalidArgumentException(
          "several instances are named '"
              + name
              + "': "
              + String.join(", ", matches.stream().map(InstanceSettings::slug).toList())
              + "; pass <owner>/<name>");
    }
    throw notFound(ref);
  }

  private NotFoundException notFound(String ref) {
    List<String> known = instances().stream().map(InstanceSettings::slug).toList();
    return new NotFoundException(
        "no instance '"
            + ref
            + "' in "
            + home
            + (known.isEmpty() ? "" : "; known instances: " + String.join(", ", known))
            + ". Create one with `lamin init --storage <dir>`");
  }

  /**
   * @return the current instance: {@code LAMIN_INSTANCE}/{@code LAMIN_CURRENT_INSTANCE}, else the
   *     saved one
   */
  public Optional<InstanceSettings> current() {
    for (String var : List.of("LAMIN_INSTANCE", "LAMIN_CURRENT_INSTANCE")) {
      String v = env.get(var);
      if (v != null && !v.isBlank() && !v.equals("none/none")) {
        return Optional.of(resolve(v));
      }
    }
    Path f = home.resolve(CURRENT);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    return Optional.of(InstanceSettings.fromMap(EnvFile.read(f), f));
  }

  /** Saves {@code s} and makes it current when {@code makeCurrent}. */
  public void save(InstanceSettings s, boolean makeCurrent) {
    Map<String, String> m = s.toMap();
    EnvFile.write(instanceFile(s.owner(), s.name()), m);
    if (makeCurrent) {
      EnvFile.write(home.resolve(CURRENT), m);
    }
  }

  /** Makes {@code s} the current instance. */
  public void setCurrent(InstanceSettings s) {
    EnvFile.write(home.resolve(CURRENT), s.toMap());
  }

  /** Forgets the current instance. */
  public void clearCurrent() {
    try {
      Files.deleteIfExists(home.resolve(CURRENT));
    } catch (IOException e) {
      throw new InstanceException(
          "cannot remove " + home.resolve(CURRENT) + ": " + e.getMessage(), e);
    }
  }

  /** Removes the settings of {@code s} (and the current marker if it points to it). */
  public void remove(InstanceSettings s) {
    try {
      Files.deleteIfExists(instanceFile(s.owner(), s.name()));
      Path cur = home.resolve(CURRENT);
      if (Files.exists(cur)) {
        InstanceSettings c = InstanceSettings.fromMap(EnvFile.read(cur), cur);
        if (c.slug().equals(s.slug())) {
          Files.delete(cur);
        }
      }
    } catch (IOException e) {
      throw new InstanceException(
          "cannot remove settings of " + s.slug() + ": " + e.getMessage(), e);
    }
  }

  /** The local user identity. */
  public record UserSettings(String handle, String uid, String name) {}

  /**
   * @return the logged-in user, or LaminDB's anonymous user ({@code anonymous}, uid {@code
   *     00000000})
   */
  public UserSettings currentUser() {
    Path f = home.resolve(USER);
    if (!Files.exists(f)) {
      return new UserSettings("anonymous", "00000000", null);
    }
    Map<String, String> m = EnvFile.read(f);
    String handle = m.get("lamin_user_handle");
    String uid = m.get("lamin_user_uid");
    if (handle == null || uid == null) {
      throw new InstanceException(
          "settings file "
              + f
              + " is corrupt (no lamin_user_handle or lamin_user_uid); run `lamin login <handle>`");
    }
    return new UserSettings(handle, uid, m.get("lamin_user_name"));
  }

  /** Saves {@code user} as the current user. */
  public void saveUser(UserSettings user) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("lamin_user_handle", user.handle());
    m.put("lamin_user_uid", user.uid());
    m.put("lamin_user_name", user.name());
    EnvFile.write(home.resolve(USER), m);
    EnvFile.write(home.resolve("user--" + user.handle() + ".env"), m);
  }

  /**
   * @return the cache directory: {@code LAMIN_CACHE_DIR}, then {@code storage.env}, then {@code
   *     ~/.cache/lamindb}
   */
  public Path cacheDir() {
    String v = env.get("LAMIN_CACHE_DIR");
    if (v != null && !v.isBlank()) {
      return Path.of(v).toAbsolutePath();
    }
    Path f = home.resolve(STORAGE);
    if (Files.exists(f)) {
      String p = EnvFile.read(f).get("lamindb_cache_path");
      if (p != null) {
        return Path.of(p).toAbsolutePath();
      }
    }
    String xdg = env.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("lamindb").toAbsolutePath();
  }

  /** Sets (or with null, unsets) the cache directory in {@code storage.env}. */
  public void setCacheDir(Path dir) {
    Path f = home.resolve(STORAGE);
    Map<String, String> m = Files.exists(f) ? EnvFile.read(f) : new LinkedHashMap<>();
    if (dir == null) {
      m.remove("lamindb_cache_path");
    } else {
      m.put("lamindb_cache_path", dir.toAbsolutePath().toString());
    }
    EnvFile.write(f, m);
  }
}
