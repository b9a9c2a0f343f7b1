package org.lamindb.internal.setup;

import org.lamindb.internal.core.Instance;

/**
 * Resolves what {@code LaminDB.db(..)} and {@code LaminDB.connect("owner/name")} are given: a
 * database URI, a {@code lamin://owner/name/...} URI, or an instance name looked up in the local
 * settings first and then in the catalog.
 */
public final class InstanceResolver {
  private InstanceResolver() {}

  /**
   * @return the instance {@code ref} names, opened read-only
   */
  public static Instance openReadOnly(SettingsStore store, String ref) {
    String r = ref.strip();
    if (r.startsWith("lamin://")) {
      r = LaminUri.parse(r).slug();
    }
    if (ReadOnlyOpen.isDatabaseUri(r)) {
      return ReadOnlyOpen.openUri(store, r);
    }
    InstanceSettings s = store.resolve(r);
    return ReadOnlyOpen.openSettings(store, s);
  }
}
