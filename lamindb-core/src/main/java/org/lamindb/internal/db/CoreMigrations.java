package org.lamindb.internal.db;

import java.util.List;
import org.lamindb.spi.Dialect;
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
   * V6: indexes that keep the common lookups on an index (issues 16 and 21).
   *
   * <ul>
   *   <li>{@code (branch_id, kind)} on artifacts answers {@code ln.artifacts().count()} — the
   *       branch filter plus the filter hiding LaminDB's own artifacts — from the index alone.
   *   <li>PostgreSQL: prefix-search indexes on {@code uid} and {@code key} of artifacts,
   *       collections and transforms ({@code varchar_pattern_ops}, as Django's {@code _like}
   *       indexes in LaminDB). {@code uid__startswith} (version families) and {@code
   *       key__startswith} compile to {@code LIKE 'prefix%'}, which a plain btree answers only
   *       under the C collation. SQLite renders those lookups as a range on the plain index.
   *   <li>SQLite: {@code (created_at DESC, id)} on artifacts for newest-first pages with ties by
   *       ascending id (PostgreSQL walks created_at backwards and sorts the ties).
   * </ul>
   */
  static Migration lookupIndexesV6() {
    return Migration.of(
        6,
        "lookup indexes",
        b -> {
          b.index("lamindb_artifact", "branch_id", "kind");
          if (b.dialect() == Dialect.SQLITE) {
            b.sql(
                "CREATE INDEX lamindb_artifact_created_at_desc_idx"
                    + " ON lamindb_artifact (created_at DESC, id)");
            return;
          }
          for (String t : List.of("artifact", "collection", "transform")) {
            for (String c : List.of("uid", "key")) {
              b.sql(
                  "CREATE INDEX lamindb_%s_%s_like ON lamindb_%s (%s varchar_pattern_ops)"
                      .formatted(t, c, t, c));
            }
          }
        });
  }
}
