package org.lamindb.internal.lineage;

import static org.lamindb.internal.core.RecordStore.col;

import org.jooq.impl.DSL;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.SQLRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links datasets used during a run as its inputs (spec §5.5): artifacts, collections and records go
 * to their {@code *_input_of_runs} table, skipped when the run created them itself; links are
 * idempotent.
 */
final class InputLinks {
  private static final Logger LOG = LoggerFactory.getLogger(InputLinks.class);

  private InputLinks() {}

  /** Records {@code rec} as an input of the instance's current run, if any. */
  static void link(Instance inst, SQLRecord<?> rec) {
    Long run = inst.currentRunId();
    if (run == null || rec.id() == null) {
      if (run == null) {
        LOG.debug("run input wasn't tracked, call ln.track() and re-run");
      }
      return;
    }
    String table =
        switch (rec.registry().name()) {
          case "Artifact" -> "lamindb_artifact_input_of_runs";
          case "Collection" -> "lamindb_collection_input_of_runs";
          case "Record" -> "lamindb_record_input_of_runs";
          default -> null;
        };
    if (table == null) {
      return;
    }
    if (run.equals(rec.get("run_id"))) {
      return; // created by this run: an output, not an input
    }
    String fk = rec.registry().name().toLowerCase(java.util.Locale.ROOT) + "_id";
    try {
      inst.db()
          .dsl()
          .insertInto(DSL.table(DSL.name(table)))
          .set(col(fk), rec.id())
          .set(col("run_id"), run)
          .onConflictDoNothing()
          .execute();
    } catch (RuntimeException e) {
      LOG.warn(
          "could not record {} {} as input of run {}: {}",
          rec.registry().name(),
          rec.uid(),
          run,
          e.getMessage());
    }
  }
}
