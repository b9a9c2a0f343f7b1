package org.lamindb.internal.lineage;

import static org.lamindb.internal.core.RecordStore.col;

import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.lineage.LineageGraph;
import org.lamindb.lineage.LineageGraph.Direction;
import org.lamindb.model.Run;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.Transform;
import org.lamindb.spi.RegistryDef;

/**
 * Walks lineage from an artifact, collection or run (spec §5.7): upstream from the producing run
 * through each run's inputs to their producing runs; downstream through the runs that used the data
 * as input to their outputs. Only data on main or in the archive (branch 1 or 0) is shown; depth
 * counts run hops from the focus.
 */
public final class LineageGraphBuilder {
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Instance inst;
  private final LineageGraph graph;
  private final Map<Long, Transform> transforms = new HashMap<>();
  private final Set<Long> runsDone = new HashSet<>();

  private LineageGraphBuilder(Instance inst, String focus) {
    this.inst = inst;
    this.graph = new LineageGraph(focus);
  }

  /**
   * @param focus an artifact, collection or run
   * @param depth maximal number of run hops (≥ 1)
   * @param direction which way to walk
   * @return the graph
   */
  public static LineageGraph build(
      Instance inst, SQLRecord<?> focus, int depth, Direction direction) {
    String kind = kind(focus.registry());
    LineageGraphBuilder b = new LineageGraphBuilder(inst, kind + "_" + focus.uid());
    b.addData(focus);
    boolean up = direction != Direction.DOWN;
    boolean down = direction != Direction.UP;
    if (focus instanceof Run r) {
      b.addRun(r);
      b.walk(List.of(r.id()), depth, up, down);
    } else {
      Long producer = (Long) focus.get("run_id");
      if (up && producer != null) {
        b.walk(List.of(producer), depth, true, false);
      }
      if (down) {
        b.walk(b.consumers(focus.registry(), List.of(focus.id())), depth, false, true);
      }
    }
    return b.graph;
  }

  /**
   * Breadth-first over runs; each run contributes its inputs and outputs, then the next hop is
   * queued.
   */
  private void walk(List<Long> start, int depth, boolean up, boolean down) {
    Deque<long[]> queue = new ArrayDeque<>();
    for (Long id : start) {
      queue.add(new long[] {id, 1});
    }
    Set<Long> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      long[] next = queue.poll();
      long runId = next[0];
      int level = (int) next[1];
      if (!seen.add(runId) || level > depth) {
        continue;
      }
      Run run = (Run) RecordStore.byId(inst, CoreRegistries.RUN, runId).orElse(null);
      if (run == null) {
        continue;
      }
      addRun(run);
      String runNode = "run_" + run.uid();
      for (RegistryDef data : List.of(CoreRegistries.ARTIFACT, CoreRegistries.COLLECTION)) {
        List<SQLRecord<?>> outputs = load(data, col("run_id").eq(runId));
        for (SQLRecord<?> o : outputs) {
          addData(o);
          graph.addEdge(runNode, nodeId(o));
        }
        List<SQLRecord<?>> inputs = inputsOf(data, runId);
        for (SQLRecord<?> i : inputs) {
          if (Long.valueOf(runId).equals(i.get("run_id"))) {
            continue; // both input and output: shown as output only
          }
          addData(i);
          graph.addEdge(nodeId(i), runNode);
          Long producer = (Long) i.get("run_id");
          if (up && producer != null) {
            queue.add(new long[] {producer, level + 1});
          }
        }
        if (down) {
          for (Long consumer : consumers(data, outputs.stream().map(SQLRecord::id).toList())) {
            queue.add(new long[] {consumer, level + 1});
          }
        }
      }
    }
  }

  /**
   * @return ids of runs that used any of {@code ids} as input
   */
  private List<Long> consumers(RegistryDef data, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String table = inputTable(data);
    String fk = data.name().toLowerCase(java.util.Locale.ROOT) + "_id";
    return inst.db()
        .dsl()
        .selectDistinct(col("run_id"))
        .from(DSL.table(DSL.name(table)))
        .where(col(fk).in(ids))
        .orderBy(col("run_id"))
        .fetch(r -> ((Number) r.get(0)).longValue());
  }

  private List<SQLRecord<?>> inputsOf(RegistryDef data, long runId) {
    String table = inputTable(data);
    String fk = data.name().toLowerCase(java.util.Locale.ROOT) + "_id";
    return load(
        data,
        col("id")
            .in(
                DSL.select(col(fk))
                    .from(DSL.table(DSL.name(table)))
                    .where(col("run_id").eq(runId))));
  }

  private List<SQLRecord<?>> load(RegistryDef data, Condition c) {
    return RecordStore.load(inst, data, c.and(col("branch_id").in(0L, 1L)));
  }

  private static String inputTable(RegistryDef data) {
    return data.name().equals("Artifact")
        ? "lamindb_artifact_input_of_runs"
        : "lamindb_collection_input_of_runs";
  }

  private void addData(SQLRecord<?> rec) {
    if (rec instanceof Run) {
      return;
    }
    Object key = rec.get("key");
    Object description = rec.get("description");
    String label =
        key != null ? key.toString() : description != null ? description.toString() : rec.uid();
    graph.addNode(new LineageGraph.Node(nodeId(rec), kind(rec.registry()), rec.uid(), label));
  }

  private void addRun(Run run) {
    if (!runsDone.add(run.id())) {
      return;
    }
    Transform t = transforms.computeIfAbsent((Long) run.get("transform_id"), id -> run.transform());
    String label =
        (t == null ? "?" : t.key()) + (run.entrypoint() == null ? "" : ": " + run.entrypoint());
    if (run.startedAt() != null) {
      label += "\nrun at " + TS.format(run.startedAt());
    }
    graph.addNode(new LineageGraph.Node("run_" + run.uid(), "run", run.uid(), label));
  }

  private static String nodeId(SQLRecord<?> rec) {
    return kind(rec.registry()) + "_" + rec.uid();
  }

  private static String kind(RegistryDef r) {
    return r.name().toLowerCase(java.util.Locale.ROOT);
  }
}
