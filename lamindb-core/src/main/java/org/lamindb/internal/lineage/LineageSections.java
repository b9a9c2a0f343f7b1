package org.lamindb.internal.lineage;

import static org.lamindb.internal.core.RecordStore.col;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Describer;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.model.Artifact;
import org.lamindb.model.Run;
import org.lamindb.model.SQLRecord;

/**
 * The run and transform parts of describe() (spec §10.3): a run's status, times, duration,
 * transform and entrypoint in the general block, then {@code Params}, its environment and report
 * artifacts, {@code Inputs} and {@code Outputs}; a transform's {@code Versions} and {@code Runs}.
 */
public final class LineageSections implements Describer.DescribeSection, Describer.GeneralFields {
  /** At most this many rows per list section; then a {@code ... and N more} line. */
  static final int MAX_ROWS = 10;

  private final Instance inst;

  /**
   * @param inst the instance
   */
  public LineageSections(Instance inst) {
    this.inst = inst;
  }

  @Override
  public List<String> fields(SQLRecord<?> rec) {
    if (!(rec instanceof Run) || !rec.isSaved()) {
      return List.of();
    }
    Map<String, Object> v = rec.values();
    List<String> pairs = new ArrayList<>();
    pairs.add("transform: " + transformLabel(v.get("transform_id")));
    Object code = v.get("_status_code");
    pairs.add(
        "status: "
            + (code == null ? Run.Status.SCHEDULED : Run.Status.ofCode(((Number) code).longValue()))
                .label());
    OffsetDateTime started = v.get("started_at") instanceof OffsetDateTime t ? t : null;
    OffsetDateTime finished = v.get("finished_at") instanceof OffsetDateTime t ? t : null;
    pairs.add("started_at: " + (started == null ? "" : Describer.timestamp(started)));
    pairs.add("finished_at: " + (finished == null ? "" : Describer.timestamp(finished)));
    pairs.add(
        "duration: "
            + (started == null || finished == null
                ? ""
                : duration(Duration.between(started, finished))));
    if (v.get("entrypoint") != null) {
      pairs.add("entrypoint: " + v.get("entrypoint"));
    }
    return pairs;
  }

  @Override
  public List<Describer.Section> sections(SQLRecord<?> rec) {
    if (!rec.isSaved()) {
      return List.of();
    }
    if (rec instanceof Run run) {
      return runSections(run);
    }
    if (rec.registry().name().equals("Transform")) {
      return transformSections(rec);
    }
    return List.of();
  }

  private List<Describer.Section> runSections(Run run) {
    List<Describer.Section> out = new ArrayList<>();
    Map<String, Object> v = run.values();
    if (run.cliArgs() != null && !run.cliArgs().isBlank()) {
      out.add(new Describer.Section("cli_args: " + run.cliArgs().strip(), List.of()));
    }
    var params = run.params();
    if (params != null && params.isObject() && !params.isEmpty()) {
      List<String> rows = new ArrayList<>();
      params.fields().forEachRemaining(e -> rows.add(e.getKey() + ": " + scalar(e.getValue())));
      out.add(new Describer.Section("Params", rows));
    }
    List<Long> ownArtifacts = new ArrayList<>();
    for (String rel : List.of("environment", "report")) {
      if (v.get(rel + "_id") instanceof Number id) {
        ownArtifacts.add(id.longValue());
        RecordStore.byId(inst, CoreRegistries.ARTIFACT, id.longValue())
            .ifPresent(
                a -> out.add(new Describer.Section(rel + ": " + artifactLabel(a), List.of())));
      }
    }
    List<String> inputs = artifactRows(LineageQueries.inputArtifacts(inst, run), List.of());
    if (!inputs.isEmpty()) {
      out.add(new Describer.Section("Inputs", inputs));
    }
    List<String> outputs = artifactRows(LineageQueries.outputArtifacts(inst, run), ownArtifacts);
    if (!outputs.isEmpty()) {
      out.add(new Describer.Section("Outputs", outputs));
    }
    return out;
  }

  private List<Describer.Section> transformSections(SQLRecord<?> t) {
    List<Describer.Section> out = new ArrayList<>();
    String uid = t.uid();
    List<SQLRecord<?>> versions =
        RecordStore.load(
            inst,
            CoreRegistries.TRANSFORM,
            col("uid")
                .like(uid.substring(0, Math.min(12, uid.length())) + "%")
                .and(col("branch_id").ne(RecordStore.TRASH)));
    versions.sort(java.util.Comparator.comparing(SQLRecord::uid));
    List<String> rows = new ArrayList<>();
    for (SQLRecord<?> x : versions) {
      Object tag = x.get("version_tag");
      rows.add(
          String.format(
              "%-22s%-10s%-24s%s",
              x.uid(),
              tag != null ? tag : x.uid().substring(x.uid().length() - 4),
              x.get("created_at") instanceof OffsetDateTime c ? Describer.timestamp(c) : "",
              Boolean.TRUE.equals(x.get("is_latest")) ? "latest" : ""));
    }
    out.add(new Describer.Section("Versions", rows));
    List<SQLRecord<?>> runs =
        RecordStore.load(
            inst,
            CoreRegistries.RUN,
            col("transform_id").eq(t.id()).and(col("branch_id").ne(RecordStore.TRASH)));
    runs.sort(java.util.Comparator.comparing((SQLRecord<?> r) -> r.id()).reversed());
    List<String> runRows = new ArrayList<>();
    for (SQLRecord<?> r : runs.subList(0, Math.min(MAX_ROWS, runs.size()))) {
      runRows.add(
          String.format(
              "%-22s%-12s%s",
              r.uid(),
              ((Run) r).status().label(),
              r.get("started_at") instanceof OffsetDateTime s ? Describer.timestamp(s) : ""));
    }
    if (runs.size() > MAX_ROWS) {
      runRows.add("... and " + (runs.size() - MAX_ROWS) + " more");
    }
    if (!runRows.isEmpty()) {
      out.add(new Describer.Section("Runs (" + runs.size() + ")", runRows));
    }
    return out;
  }

  private List<String> artifactRows(List<Artifact> artifacts, List<Long> skip) {
    List<String> rows = new ArrayList<>();
    int n = 0;
    for (Artifact a : artifacts) {
      if (skip.contains(a.id())) {
        continue;
      }
      if (n++ < MAX_ROWS) {
        rows.add(artifactLabel(a));
      }
    }
    if (n > MAX_ROWS) {
      rows.add("... and " + (n - MAX_ROWS) + " more");
    }
    return rows;
  }

  private static String artifactLabel(SQLRecord<?> a) {
    Object key = a.get("key");
    Object desc = a.get("description");
    String name = key != null ? key.toString() : desc != null ? desc.toString() : "";
    return "Artifact " + a.uid() + (name.isEmpty() ? "" : " (" + name + ")");
  }

  private String transformLabel(Object transformId) {
    if (!(transformId instanceof Number id)) {
      return "";
    }
    return RecordStore.byId(inst, CoreRegistries.TRANSFORM, id.longValue())
        .map(
            t -> {
              Object tag = t.get("version_tag");
              String uid = t.uid();
              return t.get("key")
                  + " ("
                  + (tag != null ? tag : uid.substring(uid.length() - 4))
                  + ")";
            })
        .orElse(String.valueOf(transformId));
  }

  private static String scalar(com.fasterxml.jackson.databind.JsonNode n) {
    return n.isTextual() ? n.asText() : n.toString();
  }

  /**
   * @return e.g. {@code 850ms}, {@code 12.3s}, {@code 4m 05s}, {@code 2h 03m}
   */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
    long s = ms / 1000;
    if (s < 3600) {
      return String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    return String.format(java.util.Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
  }
}
