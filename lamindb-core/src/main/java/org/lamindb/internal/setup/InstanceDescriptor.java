package org.lamindb.internal.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.CatalogEntry;
import org.lamindb.InstanceException;
import org.lamindb.internal.db.Database;
import org.lamindb.internal.db.PostgresUrl;

/**
 * The small JSON document a catalog holds per instance: owner, name, uid, database URL without
 * secrets, storage root, modules, schema versions and the optional read-only clone. It never holds
 * a user name or password: members connect with their own credentials.
 *
 * @param owner owner handle
 * @param name instance name
 * @param id instance id (32 hex characters)
 * @param uid instance uid
 * @param db PostgreSQL URL without user and password, or null for SQLite
 * @param storageRoot default storage root
 * @param modules enabled modules besides core
 * @param schemaVersions schema version per module
 * @param cloneLocation full location of the SQLite clone, or null
 * @param cloneCreatedAt ISO-8601 time the clone was written, or null
 * @param publishedAt ISO-8601 time of publishing
 * @param publishedBy handle of the publisher
 */
public record InstanceDescriptor(
    String owner,
    String name,
    String id,
    String uid,
    String db,
    String storageRoot,
    List<String> modules,
    Map<String, Integer> schemaVersions,
    String cloneLocation,
    String cloneCreatedAt,
    String publishedAt,
    String publishedBy) {

  /** Format marker written into every document. */
  static final String FORMAT = "lamindb-instance/1";

  /**
   * @return the descriptor of local instance {@code s} with schema versions {@code versions}
   */
  public static InstanceDescriptor of(
      InstanceSettings s, Map<String, Integer> versions, String publisher) {
    String id = s.id() == null ? InstanceManager.instanceId(s.owner(), s.name()) : s.id();
    return new InstanceDescriptor(
        s.owner(),
        s.name(),
        id,
        InstanceManager.instanceUid(id),
        stripSecrets(s.db()),
        s.storageRoot(),
        List.copyOf(s.modules()),
        Map.copyOf(versions),
        null,
        null,
        Instant.now().toString(),
        publisher);
  }

  /**
   * @return {@code url} without user and password ({@code postgresql://host:port/db}), null for
   *     null
   */
  public static String stripSecrets(String url) {
    if (url == null) {
      return null;
    }
    PostgresUrl u = PostgresUrl.parse(url);
    return "postgresql://" + u.host() + ":" + u.port() + "/" + u.database();
  }

  /**
   * @return {@code owner/name}
   */
  public String slug() {
    return owner + "/" + name;
  }

  /**
   * @return a copy that records a clone at {@code location} written at {@code createdAt}
   */
  public InstanceDescriptor withClone(String location, String createdAt) {
    return new InstanceDescriptor(
        owner,
        name,
        id,
        uid,
        db,
        storageRoot,
        modules,
        schemaVersions,
        location,
        createdAt,
        publishedAt,
        publishedBy);
  }

  /**
   * @return local settings for this instance (the database URL still without credentials)
   */
  public InstanceSettings toSettings(String catalogUri) {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put(CATALOG_KEY, catalogUri);
    return new InstanceSettings(owner, name, storageRoot, db, List.copyOf(modules), id, extra);
  }

  /** Settings key recording the catalog an instance was found in. */
  static final String CATALOG_KEY = "lamindb_java_catalog";

  /**
   * @return the public view of this descriptor
   */
  public CatalogEntry toEntry() {
    return new CatalogEntry(
        slug(),
        uid,
        db == null ? "sqlite" : db,
        storageRoot,
        modules,
        schemaVersions,
        cloneLocation,
        cloneCreatedAt,
        publishedAt,
        publishedBy);
  }

  /**
   * @return the JSON document, pretty-printed
   */
  public byte[] toJson() {
    ObjectNode n = Database.json().createObjectNode();
    n.put("format", FORMAT);
    n.put("owner", owner);
    n.put("name", name);
    n.put("id", id);
    n.put("uid", uid);
    n.put("db", db);
    n.put("storage_root", storageRoot);
    modules.forEach(n.putArray("modules")::add);
    if (modules.isEmpty()) {
      n.putArray("modules");
    }
    ObjectNode v = n.putObject("schema_versions");
    schemaVersions.forEach(v::put);
    if (cloneLocation != null) {
      ObjectNode c = n.putObject("clone");
      c.put("location", cloneLocation);
      c.put("created_at", cloneCreatedAt);
    }
    n.put("published_at", publishedAt);
    n.put("published_by", publishedBy);
    try {
      return Database.json()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(n)
          .concat("\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses a catalog document.
   *
   * @param where the document's location, for error messages
   */
  public static InstanceDescriptor fromJson(byte[] json, String where) {
    JsonNode n;
    try {
      n = Database.json().readTree(json);
    } catch (IOException e) {
      throw new InstanceException(
          "catalog document " + where + " is not valid JSON (" + e.getMessage() + ")", e);
    }
    if (n == null
        || !n.isObject()
        || !n.hasNonNull("owner")
        || !n.hasNonNull("name")
        || !n.hasNonNull("storage_root")) {
      throw new InstanceException(
          "catalog document "
              + where
              + " is not an instance descriptor (it lacks owner, name or storage_root);"
              + " republish it with `lamin instance publish`");
    }
    List<String> modules = new ArrayList<>();
    n.path("modules").forEach(m -> modules.add(m.asText()));
    Map<String, Integer> versions = new LinkedHashMap<>();
    n.path("schema_versions")
        .fields()
        .forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asInt()));
    JsonNode c = n.path("clone");
    String owner = n.get("owner").asText();
    String name = n.get("name").asText();
    String id = text(n, "id");
    return new InstanceDescriptor(
        owner,
        name,
        id == null ? InstanceManager.instanceId(owner, name) : id,
        text(n, "uid"),
        text(n, "db"),
        n.get("storage_root").asText(),
        List.copyOf(modules),
        Map.copyOf(versions),
        text(c, "location"),
        text(c, "created_at"),
        text(n, "published_at"),
        text(n, "published_by"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
