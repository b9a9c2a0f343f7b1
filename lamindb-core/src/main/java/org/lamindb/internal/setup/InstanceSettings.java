package org.lamindb.internal.setup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code instance--<owner>--<name>.env} records about an instance (spec Appendix B).
 *
 * @param owner owner handle
 * @param name instance name
 * @param storageRoot default storage root
 * @param db PostgreSQL URL, or null for SQLite at {@code <root>/.lamindb/lamin.db}
 * @param modules enabled modules besides core
 * @param id instance id (32 hex characters)
 * @param extra other keys, kept as read
 */
public record InstanceSettings(
    String owner,
    String name,
    String storageRoot,
    String db,
    List<String> modules,
    String id,
    Map<String, String> extra) {

  static final String PREFIX = "lamindb_instance_";

  /**
   * @return the fields, with the password of the PostgreSQL URL masked (settings end up in logs)
   */
  @Override
  public String toString() {
    return "InstanceSettings[slug="
        + slug()
        + ", storageRoot="
        + storageRoot
        + ", db="
        + org.lamindb.internal.db.PostgresUrl.redact(db)
        + ", modules="
        + modules
        + ", id="
        + id
        + "]";
  }

  /**
   * @return {@code owner/name}
   */
  public String slug() {
    return owner + "/" + name;
  }

  /**
   * Settings key of the default storage for new artifacts when it differs from the instance's root.
   */
  static final String DEFAULT_STORAGE = "lamindb_java_default_storage";

  /**
   * @return the storage new artifacts go to: the one set with {@code lamin settings storage set},
   *     else the root
   */
  public String defaultStorage() {
    String d = extra.get(DEFAULT_STORAGE);
    return d == null || d.isBlank() ? storageRoot : d;
  }

  /**
   * @return a copy whose default storage for new artifacts is {@code root}
   */
  public InstanceSettings withDefaultStorage(String root) {
    Map<String, String> e = new LinkedHashMap<>(extra);
    e.put(DEFAULT_STORAGE, root.equals(storageRoot) ? null : root);
    return new InstanceSettings(owner, name, storageRoot, db, modules, id, e);
  }

  /**
   * @return true for SQLite instances
   */
  public boolean isSqlite() {
    return db == null;
  }

  Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(PREFIX + "owner", owner);
    m.put(PREFIX + "name", name);
    m.put(PREFIX + "storage_root", storageRoot);
    m.put(PREFIX + "storage_region", extra.getOrDefault(PREFIX + "storage_region", null));
    m.put(PREFIX + "db", db);
    m.put(PREFIX + "schema_str", modules.isEmpty() ? null : String.join(",", modules));
    m.put(PREFIX + "id", id);
    m.put(PREFIX + "git_repo", null);
    m.put(PREFIX + "keep_artifacts_local", "False");
    m.put(PREFIX + "api_url", null);
    m.put(PREFIX + "schema_id", null);
    m.put(PREFIX + "fine_grained_access", "False");
    m.put(PREFIX + "db_permissions", null);
    m.put(PREFIX + "is_clone", "False");
    for (Map.Entry<String, String> e : extra.entrySet()) {
      m.putIfAbsent(e.getKey(), e.getValue());
    }
    return m;
  }

  static InstanceSettings fromMap(Map<String, String> m, java.nio.file.Path file) {
    String owner = m.get(PREFIX + "owner");
    String name = m.get(PREFIX + "name");
    String root = m.get(PREFIX + "storage_root");
    if (owner == null || name == null || root == null) {
      throw new org.lamindb.InstanceException(
          "settings file "
              + file
              + " is corrupt (it lacks owner, name or storage_root); delete it and run"
              + " `lamin init` or `lamin connect` again");
    }
    String schema = m.get(PREFIX + "schema_str");
    List<String> modules =
        schema == null || schema.isBlank()
            ? List.of()
            : new ArrayList<>(
                Arrays.stream(schema.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList());
    Map<String, String> extra = new LinkedHashMap<>(m);
    return new InstanceSettings(
        owner, name, root, m.get(PREFIX + "db"), List.copyOf(modules), m.get(PREFIX + "id"), extra);
  }
}
