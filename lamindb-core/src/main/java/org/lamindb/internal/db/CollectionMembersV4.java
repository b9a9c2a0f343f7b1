package org.lamindb.internal.db;

import org.lamindb.spi.Migration;

/**
 * V4: collection versions share their member lists. A version made by {@code append} or by a {@code
 * revise} that extends the previous list stores only the new members in {@code
 * lamindb_collectionartifact} and points to the version it extends in {@code
 * lamindb_collection._base_id}, so n appends write n link rows instead of n²/2. The view {@code
 * lamindb_collection_members(collection_id, artifact_id, link_id)} resolves the exact members of
 * every version (its own links plus those of its base chain); queries traverse collection
 * membership through it.
 */
final class CollectionMembersV4 {
  private CollectionMembersV4() {}

  static final String VIEW =
      "CREATE VIEW lamindb_collection_members AS\n"
          + "WITH RECURSIVE chain(collection_id, ancestor_id) AS (\n"
          + "  SELECT id, id FROM lamindb_collection\n"
          + "  UNION ALL\n"
          + "  SELECT chain.collection_id, c._base_id FROM chain\n"
          + "  JOIN lamindb_collection c ON c.id = chain.ancestor_id\n"
          + "  WHERE c._base_id IS NOT NULL)\n"
          + "SELECT chain.collection_id AS collection_id, ca.artifact_id AS artifact_id,"
          + " ca.id AS link_id\n"
          + "FROM chain JOIN lamindb_collectionartifact ca ON ca.collection_id = chain.ancestor_id";

  static Migration migration() {
    return Migration.of(
        4,
        "collection member lists shared across versions",
        b -> {
          b.sql(
              "ALTER TABLE lamindb_collection ADD COLUMN _base_id BIGINT"
                  + " REFERENCES lamindb_collection(id)");
          b.index("lamindb_collection", "_base_id");
          b.index("lamindb_collectionartifact", "artifact_id", "collection_id");
          b.sql(VIEW);
        });
  }
}
