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
    return List.of(new CoreSchemaV1(), queryIndexesV2(), CollectionMembersV4.migration());
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
}
