package org.lamindb.internal.setup;

import java.util.List;
import java.util.Optional;
import org.lamindb.InstanceException;
import org.lamindb.internal.core.Instance;

/**
 * Writes instance descriptors (and read-only clones) to the configured catalog: what {@code lamin
 * init --publish}, {@code lamin instance publish} and {@code lamin instance clone --publish} do.
 */
public final class Publisher {
  private Publisher() {}

  /**
   * @return the configured catalog
   * @throws InstanceException when none is configured
   */
  public static Catalog catalog(SettingsStore store) {
    return Catalog.configured(store)
        .orElseThrow(
            () ->
                new InstanceException(
                    "no instance catalog configured: set LAMIN_CATALOG or run `lamin settings"
                        + " catalog set <folder|s3://bucket/prefix|postgresql://host/db>`"));
  }

  /**
   * Publishes open instance {@code inst}: its descriptor, without secrets, keeping a clone the
   * catalog already records.
   *
   * @return the published descriptor
   */
  public static InstanceDescriptor publish(SettingsStore store, Instance inst) {
    try (Catalog c = catalog(store)) {
      InstanceDescriptor d =
          InstanceDescriptor.of(
              inst.settings(), inst.schemaVersions(), store.currentUser().handle());
      Optional<InstanceDescriptor> old = c.get(d.owner(), d.name());
      if (old.isPresent() && old.get().cloneLocation() != null) {
        d = d.withClone(old.get().cloneLocation(), old.get().cloneCreatedAt());
      }
      c.put(d);
      return d;
    }
  }

  /**
   * Writes a read-only SQLite clone of PostgreSQL instance {@code inst} into its storage; with
   * {@code publish}, records it in the catalog descriptor.
   *
   * @return the clone's location
   */
  public static String cloneInstance(SettingsStore store, Instance inst, boolean publish) {
    if (inst.settings().isSqlite()) {
      throw new InstanceException(
          "instance "
              + inst.settings().slug()
              + " is on SQLite already: readers open its database "
              + inst.settings().storageRoot()
              + "/.lamindb/lamin.db directly; clones are for PostgreSQL instances");
    }
    Catalog c = publish ? catalog(store) : null;
    String created = CloneSnapshot.now();
    String loc = CloneSnapshot.write(inst);
    if (c != null) {
      try (c) {
        InstanceDescriptor d =
            InstanceDescriptor.of(
                    inst.settings(), inst.schemaVersions(), store.currentUser().handle())
                .withClone(loc, created);
        c.put(d);
      }
    }
    return loc;
  }

  /**
   * @return every descriptor in the configured catalog
   */
  public static List<InstanceDescriptor> list(SettingsStore store) {
    try (Catalog c = catalog(store)) {
      return c.list();
    }
  }
}
