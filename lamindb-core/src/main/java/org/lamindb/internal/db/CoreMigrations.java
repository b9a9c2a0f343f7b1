package org.lamindb.internal.db;

import java.util.List;
import org.lamindb.spi.Migration;

/** The migrations of the core module, in order. Append new versions; never edit released ones. */
public final class CoreMigrations {
  private CoreMigrations() {}

  /**
   * @return all core migrations
   */
  public static List<Migration> all() {
    return List.of(
        new CoreSchemaV1(),
        queryIndexesV2(),
        saveIntentsV3(),
        CollectionMembersV4.migration(),
        NotesV5.migration(),
        lookupIndexesV6());
  }

  /**
   * V2: indexes for the query engine's label/project filters ({@code filter("ulabels__name", x)}
   * resolves to {@code id IN (SELECT artifact_id FROM lamindb_artifactulabel WHERE ulabel_id IN
   * (...))}); the composite (value, host) indexes answer those subqueries from the index alone.
   */
  static Migration queryIndexesV2() {
    return Migration.of(
        2,
        "query indexes",
        b -> {
          b.index("lamindb_artifactulabel", "ulabel_id", "artifact_id");
          b.index("lamindb_artifactproject", "project_id", "artifact_id");
          b.index("lamindb_artifactrecord", "record_id", "artifact_id");
          b.index("lamindb_artifactreference", "reference_id", "artifact_id");
        });
  }

  /** Table of the save intents (leases) that {@link #saveIntentsV3()} creates. */
  public static final String SAVE_INTENT = "lamindb_saveintent";

  /**
   * V3: durable intents of saves in flight. A save inserts its row before it uploads (temporary
   * key, storage, owner {@code host:pid}, heartbeat and expiry in epoch milliseconds) and deletes
   * it after its artifact row committed; {@code lamin repair} keeps every temporary upload whose
   * intent is live.
   */
  static Migration saveIntentsV3() {
    return Migration.of(
        3,
        "save intents",
        b ->
            b.table(SAVE_INTENT)
                .id()
                .integer("storage_id")
                .notNull()
                .str("temp_key", 255)
                .notNull()
                .unique()
                .str("owner", 255)
                .notNull()
                .integer("created_at_ms")
                .notNull()
                .integer("heartbeat_at_ms")
                .notNull()
                .integer("expires_at_ms")
                .notNull()
                .index());
  }

  /**
   * V6: indexes that let the default queries stay on an index (issue 16). {@code (branch_id, kind)}
   * on artifacts answers {@code ln.artifacts().count()} — the branch filter plus the filter that
   * hides LaminDB's own artifacts — from the index alone instead of reading every row. On
   * PostgreSQL, {@code varchar_pattern_ops} indexes on artifact {@code uid} and {@code key} serve
   * {@code LIKE 'prefix%'} (uid stems, {@code key__startswith}) under any database collation;
   * SQLite renders those lookups as a range on the ordinary index instead, and gets {@code
   * (created_at DESC, id)} for the newest-first pages.
   */
  static Migration lookupIndexesV6() {
    return Migration.of(
        6,
        "lookup indexes",
        b -> {
          b.index("lamindb_artifact", "branch_id", "kind");
          // newest first with ties by ascending id (QuerySet's order): SQLite walks this index
          // instead of sorting every row (PostgreSQL walks created_at backwards, then sorts ties)
          b.sql(
              "CREATE INDEX IF NOT EXISTS lamindb_artifact_created_at_desc_idx"
                  + " ON lamindb_artifact (created_at DESC, id)",
              null);
          b.sql(
              null,
              "CREATE INDEX IF NOT EXISTS lamindb_artifact_uid_pattern_idx"
                  + " ON lamindb_artifact (uid varchar_pattern_ops)");
          b.sql(
              null,
              "CREATE INDEX IF NOT EXISTS lamindb_artifact_key_pattern_idx"
                  + " ON lamindb_artifact (key varchar_pattern_ops)");
        });
  }
}
