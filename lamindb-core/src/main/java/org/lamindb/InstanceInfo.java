package org.lamindb;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code lamin info} shows about an instance.
 *
 * @param slug {@code owner/name}
 * @param storageRoot default storage root
 * @param db {@code sqlite:<file>} or the PostgreSQL URL without password
 * @param modules enabled modules besides core
 * @param schemaVersions schema version per module (empty when not connected)
 * @param cacheDir cache directory
 * @param settingsDir settings directory
 * @param user current user handle
 */
public record InstanceInfo(
    String slug,
    String storageRoot,
    String db,
    List<String> modules,
    Map<String, Integer> schemaVersions,
    Path cacheDir,
    Path settingsDir,
    String user) {}
