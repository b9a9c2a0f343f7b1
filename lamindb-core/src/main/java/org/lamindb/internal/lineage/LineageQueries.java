package org.lamindb.internal.lineage;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.List;
import org.jooq.impl.DSL;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.model.Artifact;
import org.lamindb.model.Run;

/**
 * Reads of the lineage links behind {@code Run.inputArtifacts()}, {@code Artifact.inputOfRuns()},
 * ....
 */
public final class LineageQueries {
  private LineageQueries() {}

  /**
   * @return artifacts that {@code run} used as inputs (trash excluded)
   */
  public static List<Artifact> inputArtifacts(Instance inst, Run run) {
    return RecordStore.load(
            inst,
            CoreRegistries.ARTIFACT,
            col("id")
                .in(
                    DSL.select(col("artifact_id"))
                        .from(DSL.table(DSL.name("lamindb_artifact_input_of_runs")))
                        .where(col("run_id").eq(run.id())))
                .and(col("branch_id").ne(RecordStore.TRASH)))
        .stream()
        .map(Artifact.class::cast)
        .toList();
  }

  /**
   * @return artifacts created by {@code run} (trash excluded)
   */
  public static List<Artifact> outputArtifacts(Instance inst, Run run) {
    return RecordStore.load(
            inst,
            CoreRegistries.ARTIFACT,
            col("run_id").eq(run.id()).and(col("branch_id").ne(RecordStore.TRASH)))
        .stream()
        .map(Artifact.class::cast)
        .toList();
  }

  /**
   * @return runs that used {@code a} as input
   */
  public static List<Run> inputOfRuns(Instance inst, Artifact a) {
    return RecordStore.load(
            inst,
            CoreRegistries.RUN,
            col("id")
                .in(
                    DSL.select(col("run_id"))
                        .from(DSL.table(DSL.name("lamindb_artifact_input_of_runs")))
                        .where(col("artifact_id").eq(a.id()))))
        .stream()
        .map(Run.class::cast)
        .toList();
  }

  /**
   * @return runs whose {@code initiated_by_run} is {@code run}
   */
  public static List<Run> initiatedRuns(Instance inst, Run run) {
    return RecordStore.load(inst, CoreRegistries.RUN, col("initiated_by_run_id").eq(run.id()))
        .stream()
        .map(Run.class::cast)
        .toList();
  }
}
