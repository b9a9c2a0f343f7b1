package org.lamindb.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;

/**
 * A run (lamindb_run): one execution of a {@link Transform}, with its parameters, inputs and
 * outputs.
 */
public final class Run extends SQLRecord<Run> {

  // ---- typed fields for filters: ln.runs().filter(Run.ID...) (query engine) ----

  /** Typed field {@code id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> ID =
      org.lamindb.query.Field.of("id", Long.class);

  /** Typed field {@code uid} for filters and ordering. */
  public static final org.lamindb.query.TextField UID = org.lamindb.query.Field.text("uid");

  /** Typed field {@code name} for filters and ordering. */
  public static final org.lamindb.query.TextField NAME = org.lamindb.query.Field.text("name");

  /** Typed field {@code description} for filters and ordering. */
  public static final org.lamindb.query.TextField DESCRIPTION =
      org.lamindb.query.Field.text("description");

  /** Typed field {@code entrypoint} for filters and ordering. */
  public static final org.lamindb.query.TextField ENTRYPOINT =
      org.lamindb.query.Field.text("entrypoint");

  /** Typed field {@code started_at} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.OffsetDateTime> STARTED_AT =
      org.lamindb.query.Field.of("started_at", java.time.OffsetDateTime.class);

  /** Typed field {@code finished_at} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.OffsetDateTime> FINISHED_AT =
      org.lamindb.query.Field.of("finished_at", java.time.OffsetDateTime.class);

  /** Typed field {@code created_at} for filters and ordering. */
  public static final org.lamindb.query.Field<java.time.OffsetDateTime> CREATED_AT =
      org.lamindb.query.Field.of("created_at", java.time.OffsetDateTime.class);

  /** Typed field {@code transform_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> TRANSFORM_ID =
      org.lamindb.query.Field.of("transform_id", Long.class);

  /** Typed field {@code branch_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> BRANCH_ID =
      org.lamindb.query.Field.of("branch_id", Long.class);

  /** Typed field {@code created_by_id} for filters and ordering. */
  public static final org.lamindb.query.Field<Long> CREATED_BY_ID =
      org.lamindb.query.Field.of("created_by_id", Long.class);

  /**
   * Creates an empty, unsaved entity; use the factories of {@link LaminDB} instead.
   *
   * @param ln the instance
   */
  public Run(LaminDB ln) {
    super(ln, CoreRegistries.RUN);
  }

  /** Run states as LaminDB stores them in {@code _status_code}. */
  public enum Status {
    /** -3 */
    SCHEDULED(-3),
    /** -2 */
    RESTARTED(-2),
    /** -1 */
    STARTED(-1),
    /** 0 */
    COMPLETED(0),
    /** 1 */
    ERRORED(1),
    /** 2 */
    ABORTED(2);

    private final int code;

    Status(int code) {
      this.code = code;
    }

    /**
     * @return the stored code
     */
    public int code() {
      return code;
    }

    /**
     * @return the lower-case name as LaminDB prints it
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @return the status for a stored code
     */
    public static Status ofCode(long code) {
      for (Status s : values()) {
        if (s.code == code) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown run status code " + code);
    }
  }

  /**
   * @return the transform this run executes
   */
  public Transform transform() {
    return related("transform", Transform.class);
  }

  /** Sets the transform (must be saved). */
  public Run transform(Transform t) {
    return relate("transform", t);
  }

  /**
   * @return the name, or null
   */
  public String name() {
    return str("name");
  }

  /** Sets the name. */
  public Run name(String value) {
    return set("name", value);
  }

  /**
   * @return the function entry point for flow/step runs, or null
   */
  public String entrypoint() {
    return str("entrypoint");
  }

  /**
   * @return start time
   */
  public OffsetDateTime startedAt() {
    return time("started_at");
  }

  /**
   * @return finish time, or null while running
   */
  public OffsetDateTime finishedAt() {
    return time("finished_at");
  }

  /**
   * @return the status
   */
  public Status status() {
    Long c = lng("_status_code");
    return c == null ? Status.SCHEDULED : Status.ofCode(c);
  }

  /**
   * @return parameters as JSON, or null
   */
  public JsonNode params() {
    return json("params");
  }

  /**
   * @return the report artifact (captured logs), or null
   */
  public Artifact report() {
    return related("report", Artifact.class);
  }

  /**
   * @return the environment artifact (runtime classpath), or null
   */
  public Artifact environment() {
    return related("environment", Artifact.class);
  }

  /**
   * @return the run that started this one, or null
   */
  public Run initiatedByRun() {
    return related("initiated_by_run", Run.class);
  }

  /**
   * @return the user who started the run
   */
  public User createdBy() {
    return related("created_by", User.class);
  }

  // ---- features & labels ----

  /**
   * @return the feature values of this run: {@code features().addValues(Map.of("gc_content",
   *     0.55))}, {@code features().get()}, {@code features().remove("gc_content")}
   */
  public FeatureManager features() {
    return new FeatureManager(this);
  }

  /**
   * @return the ulabels linked to this run ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<ULabel> ulabels() {
    return new LabelManager<>(this, "ulabels", ULabel.class);
  }

  /**
   * @return the projects linked to this run ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Project> projects() {
    return new LabelManager<>(this, "projects", Project.class);
  }

  /**
   * @return the records linked to this run ({@code add}, {@code remove}, {@code list})
   */
  public LabelManager<Record> records() {
    return new LabelManager<>(this, "records", Record.class);
  }

  // ---- lineage ----

  /**
   * @return the artifacts this run used (loaded, cached or opened), in link order
   */
  public java.util.List<Artifact> inputArtifacts() {
    return org.lamindb.internal.lineage.LineageQueries.inputArtifacts(instance(), this);
  }

  /**
   * @return the artifacts this run created
   */
  public java.util.List<Artifact> outputArtifacts() {
    return org.lamindb.internal.lineage.LineageQueries.outputArtifacts(instance(), this);
  }

  /**
   * @return runs started from this one (flows, steps, sub-processes), oldest first
   */
  public java.util.List<Run> initiatedRuns() {
    return org.lamindb.internal.lineage.LineageQueries.initiatedRuns(instance(), this);
  }

  /**
   * @return the extra data (host, os, jvm, os_user, pid, runtime; exit note), or null
   */
  public JsonNode extraData() {
    return json("extra_data");
  }

  /**
   * @return the command-line arguments of the program, or null
   */
  public String cliArgs() {
    return str("cli_args");
  }

  /**
   * @return the lineage graph around this run (inputs, outputs, upstream and downstream runs)
   */
  public org.lamindb.lineage.LineageGraph lineage(
      int depth, org.lamindb.lineage.LineageGraph.Direction direction) {
    return org.lamindb.internal.lineage.LineageGraphBuilder.build(
        instance(), this, depth, direction);
  }

  /**
   * @return the markdown notes of this run: readme (versioned) and comments
   */
  public Notes notes() {
    return org.lamindb.internal.db.NoteStore.of(instance()).forHost("run", this);
  }
}
