package org.lamindb.internal.setup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lamindb.InstanceException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.NotFoundException;

/**
 * A hub-free instance catalog: a location everyone in a team can read that holds one descriptor per
 * published instance ({@link InstanceDescriptor}). Either a folder or bucket prefix ({@code
 * /shared/catalog}, {@code file:}, {@code s3://}, {@code gs://}, through the storage backends) with
 * one {@code <owner>/<name>.json} document per instance, or a PostgreSQL database ({@code
 * postgresql://host/db[?schema=s]}) with one row per instance in table {@code lamindb_catalog}.
 *
 * <p>Which catalog: {@code LAMIN_CATALOG}, else what {@code lamin settings catalog set} saved.
 */
public abstract class Catalog implements AutoCloseable {
  static final String FILE = "catalog.env";
  static final String KEY = "lamindb_catalog";

  /**
   * @return the catalog URI configured for {@code store}, if any
   */
  public static Optional<String> configuredUri(SettingsStore store) {
    String env = store.env().get("LAMIN_CATALOG");
    if (env != null && !env.isBlank()) {
      return Optional.of(env.strip());
    }
    Path f = store.home().resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    String v = EnvFile.read(f).get(KEY);
    return v == null || v.isBlank() || v.equals("null") ? Optional.empty() : Optional.of(v);
  }

  /** Saves (or with null, removes) the catalog URI of {@code store}. */
  public static void configure(SettingsStore store, String uri) {
    Path f = store.home().resolve(FILE);
    if (uri == null) {
      try {
        Files.deleteIfExists(f);
      } catch (java.io.IOException e) {
        throw new InstanceException("cannot remove " + f + ": " + e.getMessage(), e);
      }
      return;
    }
    String u = normalize(uri);
    Map<String, String> m = new LinkedHashMap<>();
    m.put(KEY, u);
    EnvFile.write(f, m);
  }

  static String normalize(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new InvalidArgumentException(
          "pass a catalog location: a folder, s3://bucket/prefix, gs://bucket/prefix or"
              + " postgresql://host/db");
    }
    String u = uri.strip();
    if (isPostgres(u)) {
      org.lamindb.internal.db.PostgresUrl p = org.lamindb.internal.db.PostgresUrl.parse(u);
      if (p.password() != null) {
        throw new InvalidArgumentException(
            "catalog URL "
                + p.redacted()
                + " holds a password; drop it from the URL and put it in PGPASSWORD or ~/.pgpass");
      }
      return u;
    }
    if (u.startsWith("s3://") || u.startsWith("gs://") || u.startsWith("file:")) {
      return u.replaceAll("/+$", "");
    }
    if (u.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new InvalidArgumentException(
          "unsupported catalog '"
              + uri
              + "': use a folder, file:, s3://, gs:// or postgresql:// location");
    }
    return Path.of(u).toAbsolutePath().normalize().toString();
  }

  static boolean isPostgres(String u) {
    return u.startsWith("postgresql://") || u.startsWith("postgres://");
  }

  /**
   * @return the configured catalog of {@code store}, or empty when none is configured
   */
  public static Optional<Catalog> configured(SettingsStore store) {
    return configuredUri(store).map(u -> open(u, store.env()));
  }

  /**
   * @return the catalog at {@code uri}
   */
  public static Catalog open(String uri, Map<String, String> env) {
    String u = normalize(uri);
    return isPostgres(u) ? new PostgresCatalog(u, env) : new FolderCatalog(u);
  }

  /**
   * @return where this catalog is
   */
  public abstract String uri();

  /** Writes (or replaces) the descriptor of one instance. */
  public abstract void put(InstanceDescriptor d);

  /**
   * @return the descriptor of {@code owner/name}, if published
   */
  public abstract Optional<InstanceDescriptor> get(String owner, String name);

  /**
   * @return every descriptor, by slug
   */
  public abstract List<InstanceDescriptor> list();

  /**
   * @return where {@code owner/name}'s descriptor lies
   */
  public abstract String locationOf(String owner, String name);

  @Override
  public void close() {}

  /**
   * Finds {@code ref} ({@code owner/name}, or a bare {@code name} that is unique in the catalog).
   *
   * @throws NotFoundException naming the closest published instances
   */
  public InstanceDescriptor find(String ref) {
    if (ref.contains("/")) {
      String[] p = ref.split("/", 2);
      Optional<InstanceDescriptor> d = get(p[0], p[1]);
      if (d.isPresent()) {
        return d.get();
      }
    } else {
      List<InstanceDescriptor> named = list().stream().filter(d -> d.name().equals(ref)).toList();
      if (named.size() == 1) {
        return named.get(0);
      }
      if (named.size() > 1) {
        throw new InvalidArgumentException(
            "several instances in catalog "
                + uri()
                + " are named '"
                + ref
                + "': "
                + String.join(", ", named.stream().map(InstanceDescriptor::slug).toList())
                + "; pass <owner>/<name>");
      }
    }
    List<String> close = closeNames(ref, list().stream().map(InstanceDescriptor::slug).toList());
    throw new NotFoundException(
        "no instance '"
            + ref
            + "' in the local settings nor in catalog "
            + uri()
            + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
            + " Its owner can publish it with `lamin instance publish`");
  }

  /**
   * @return up to three of {@code known} closest to {@code ref} (edit distance at most a third of
   *     the length, or sharing the instance name)
   */
  static List<String> closeNames(String ref, List<String> known) {
    String name = ref.contains("/") ? ref.substring(ref.indexOf('/') + 1) : ref;
    List<String> out = new ArrayList<>();
    known.stream()
        .filter(
            k ->
                k.endsWith("/" + name)
                    || distance(k, ref) <= Math.max(2, ref.length() / 3)
                    || distance(k.substring(k.indexOf('/') + 1), name)
                        <= Math.max(1, name.length() / 3))
        .sorted(Comparator.comparingInt(k -> distance(k, ref)))
        .limit(3)
        .forEach(out::add);
    return out;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  InstanceException unreachable(Exception e) {
    return new InstanceException(
        "catalog "
            + uri()
            + " is unreachable: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            + "; check LAMIN_CATALOG or `lamin settings catalog set <uri>` and your access to it",
        e);
  }
}
