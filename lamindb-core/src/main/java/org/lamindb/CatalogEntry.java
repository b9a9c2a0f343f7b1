package org.lamindb;

import java.util.List;
import java.util.Map;

/**
 * One instance as a catalog describes it ({@code lamin instance list}): everything a team member
 * needs to connect, and no secret.
 *
 * @param slug {@code owner/name}
 * @param uid instance uid (12 base62 characters)
 * @param db {@code sqlite} for SQLite instances, else the PostgreSQL URL without user and password
 * @param storageRoot default storage root
 * @param modules enabled modules besides core
 * @param schemaVersions schema version per module when published
 * @param cloneLocation where the read-only SQLite clone lies, or null
 * @param cloneCreatedAt when the clone was written (ISO-8601), or null
 * @param publishedAt when the descriptor was written (ISO-8601)
 * @param publishedBy handle of the user who wrote it
 */
public record CatalogEntry(
    String slug,
    String uid,
    String db,
    String storageRoot,
    List<String> modules,
    Map<String, Integer> schemaVersions,
    String cloneLocation,
    String cloneCreatedAt,
    String publishedAt,
    String publishedBy) {}
