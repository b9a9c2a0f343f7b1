package org.lamindb.internal.setup;

import java.util.Optional;
import org.lamindb.InstanceException;
import org.lamindb.NotFoundException;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.db.PostgresUrl;

/**
 * Resolves what {@code LaminDB.db(..)} and {@code LaminDB.connect("owner/name")} are given: a
 * database URI, a {@code lamin://owner/name/...} URI, or an instance name looked up in the local
 * settings first and then in the catalog ({@link Catalog}). Database credentials always come from
 * the user's environment, never from the catalog.
 */
public final class InstanceResolver {
  private InstanceResolver() {}

  /**
   * An instance found by name.
   *
   * @param settings its settings (local, or made from the catalog descriptor)
   * @param descriptor the catalog descriptor when found in the catalog, else null
   */
  public record Resolved(InstanceSettings settings, InstanceDescriptor descriptor) {}

  /**
   * @return {@code ref} ({@code name} or {@code owner/name}) from the local settings, else from the
   *     configured catalog
   * @throws NotFoundException when neither has it (naming close catalog entries)
   */
  public static Resolved resolve(SettingsStore store, String ref) {
    try {
      return new Resolved(store.resolve(ref), null);
    } catch (NotFoundException local) {
      Optional<String> uri = Catalog.configuredUri(store);
      if (uri.isEmpty()) {
        throw new NotFoundException(
            local.getMessage()
                + ", or point LAMIN_CATALOG (or `lamin settings catalog set <uri>`) at your team's"
                + " catalog",
            local);
      }
      try (Catalog c = Catalog.open(uri.get(), store.env())) {
        InstanceDescriptor d = c.find(ref.strip());
        return new Resolved(d.toSettings(c.uri()), d);
      }
    }
  }

  /**
   * @return settings of {@code ref} for a read-write connection; a catalog instance on PostgreSQL
   *     must have credentials in the environment
   */
  public static InstanceSettings forConnect(SettingsStore store, String ref) {
    Resolved r = resolve(store, ref);
    InstanceSettings s = r.settings();
    if (r.descriptor() != null && !s.isSqlite()) {
      PostgresUrl url = Credentials.complete(PostgresUrl.parse(s.db()), store.env());
      if (url.user() == null) {
        throw noCredentials(s, url);
      }
    }
    return s;
  }

  static InstanceException noCredentials(InstanceSettings s, PostgresUrl url) {
    return new InstanceException(
        "no database credentials for "
            + s.slug()
            + " ("
            + url.redacted()
            + "): set PGUSER and PGPASSWORD, or add a line "
            + url.host()
            + ":"
            + url.port()
            + ":"
            + url.database()
            + ":<user>:<password> to ~/.pgpass (catalogs never hold credentials)");
  }

  /**
   * @return the instance {@code ref} names, opened read-only; a PostgreSQL instance without
   *     credentials in the environment opens from its read-only clone when the catalog names one
   */
  public static Instance openReadOnly(SettingsStore store, String ref) {
    String r = ref.strip();
    if (r.startsWith("lamin://")) {
      r = LaminUri.parse(r).slug();
    }
    if (ReadOnlyOpen.isDatabaseUri(r)) {
      return ReadOnlyOpen.openUri(store, r);
    }
    Resolved res = resolve(store, r);
    InstanceSettings s = res.settings();
    if (s.isSqlite()) {
      return ReadOnlyOpen.openSettings(store, s);
    }
    PostgresUrl url = Credentials.complete(PostgresUrl.parse(s.db()), store.env());
    if (url.user() == null) {
      InstanceDescriptor d = withClone(store, res);
      if (d == null) {
        throw noCredentials(s, url);
      }
      return ReadOnlyOpen.openSqliteAs(store, s, CloneSnapshot.fetch(store, d));
    }
    try {
      return ReadOnlyOpen.openSettings(store, s);
    } catch (InstanceException e) {
      InstanceDescriptor d = withClone(store, res);
      if (d == null) {
        throw e;
      }
      System.err.println("→ cannot reach the database of " + s.slug() + ": " + e.getMessage());
      return ReadOnlyOpen.openSqliteAs(store, s, CloneSnapshot.fetch(store, d));
    }
  }

  /** The descriptor of {@code res} if it names a clone: the resolved one, else the catalog's. */
  private static InstanceDescriptor withClone(SettingsStore store, Resolved res) {
    InstanceDescriptor d = res.descriptor();
    if (d == null) {
      Optional<String> uri = Catalog.configuredUri(store);
      if (uri.isEmpty()) {
        return null;
      }
      try (Catalog c = Catalog.open(uri.get(), store.env())) {
        d = c.get(res.settings().owner(), res.settings().name()).orElse(null);
      }
    }
    return d != null && d.cloneLocation() != null ? d : null;
  }
}
