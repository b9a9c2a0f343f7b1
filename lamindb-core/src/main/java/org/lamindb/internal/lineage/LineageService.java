package org.lamindb.internal.lineage;

import static org.lamindb.internal.core.RecordStore.col;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.NotFoundException;
import org.lamindb.TrackingException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Artifact;
import org.lamindb.model.Project;
import org.lamindb.model.Run;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.Transform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lineage tracking for one instance (spec §5): {@code track()} identifies the program and starts a
 * run, {@code finish()} completes it, flows and steps record nested runs; datasets saved meanwhile
 * are the run's outputs, datasets loaded its inputs. One global run per instance handle at a time.
 */
public final class LineageService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LineageService.class);

  private final Instance inst;
  private Run run;
  private Long runBefore;
  private OutputCapture capture;
  private ExitGuard guard;
  private Transform functionTransform;
  private volatile boolean closed;

  private LineageService(Instance inst) {
    this.inst = inst;
    inst.inputTracker(rec -> InputLinks.link(inst, rec));
  }

  /**
   * @return the lineage service of {@code inst}
   */
  public static LineageService of(Instance inst) {
    return inst.service(LineageService.class, LineageService::new);
  }

  /**
   * @return the global run started by {@code track()}, or null
   */
  public synchronized Run currentRun() {
    return run;
  }

  /**
   * Identifies the program, creates or reuses its transform and starts a run.
   *
   * @return the new run
   */
  public synchronized Run track(TrackOptions o) {
    return start(o, identify(o), false);
  }

  /**
   * Starts a run for a shell or pipeline step ({@code lamin track}): no output capture and no exit
   * hook, as the run outlives this process; {@code script} (may be null) is the step's source file.
   */
  public synchronized Run trackShell(TrackOptions o, Path script) {
    Program p =
        script != null
            ? ProgramDetector.fromSourceFile(script, "script", "shell", java.util.List.of())
            : new Program(
                o.kind() != null ? o.kind() : "script",
                o.key(),
                null,
                null,
                null,
                null,
                null,
                "shell");
    p =
        new Program(
            p.kind(), p.key(), p.path(), p.sourceCode(), p.hash(), p.description(), null, "shell");
    if (o.key() != null) {
      p = p.withKey(o.key());
    }
    if (o.kind() != null) {
      p = p.withKind(o.kind());
    }
    if (o.description() != null) {
      p = p.withDescription(o.description());
    }
    return start(o, p, true);
  }

  private Run start(TrackOptions o, Program p, boolean shellRun) {
    if (run != null) {
      LOG.warn("track() called again: finishing Run('{}') first", run.uid());
      finish();
    }
    TransformResolver.Resolved res = new TransformResolver(inst).resolve(p, o.uid(), o.version());
    Transform t = res.transform();
    Project project = o.project() == null ? null : project(o.project());
    Long parent = initiatedBy(o.initiatedByRun());
    ObjectNode params = ParamsJson.serialize(o.params());
    Run r = newRun(t, o.entrypoint(), params, p.cliArgs(), parent, p.runtime());
    if (!o.features().isEmpty()) {
      try {
        r.features().addValues(o.features()); // registered features only
      } catch (RuntimeException e) {
        complete(inst, r, Run.Status.ERRORED, null, "invalid features: " + e.getMessage());
        throw e;
      }
    }
    if (project != null) {
      link("lamindb_transformproject", "transform_id", t.id(), project.id(), true);
      link("lamindb_runproject", "run_id", r.id(), project.id(), false);
    }
    runBefore = inst.currentRunId();
    inst.currentRunId(r.id());
    run = r;
    Artifact env = RunArtifacts.saveEnvironment(inst, r.uid());
    if (env != null) {
      set(r, "environment_id", env.id());
      RecordStore.update(inst, inst.db().dsl(), r);
    }
    if (!shellRun && !Boolean.FALSE.equals(o.captureOutput())) {
      try {
        capture =
            OutputCapture.start(
                inst.cacheDir().resolve("run_logs_" + r.uid() + ".txt"),
                "→ connected lamindb: " + inst.settings().slug());
      } catch (IOException e) {
        LOG.warn("cannot capture output of run {}: {}", r.uid(), e.getMessage());
      }
    }
    if (!shellRun) {
      guard = new ExitGuard(this::atExit);
      guard.install();
    }
    (shellRun ? System.err : System.out)
        .println(
            "→ "
                + (res.created() ? "created" : "loaded")
                + " Transform('"
                + t.uid()
                + "', key='"
                + t.key()
                + "'), started new Run('"
                + r.uid()
                + "') at "
                + r.startedAt());
    if (shellRun) {
      inst.currentRunId(runBefore);
      run = null;
    }
    return r;
  }

  /** Completes the global run. */
  public synchronized Run finish() {
    if (run == null) {
      throw new TrackingException("no run to finish")
          .withHint(
              new org.lamindb.LaminException.Hint(
                  ": call ln.track() first", ": start one with `lamin track` first"));
    }
    return end(Run.Status.COMPLETED, null);
  }

  /** Ends the global run with {@code status} (used by {@code lamin finish --status}). */
  public synchronized Run finish(Run.Status status) {
    if (run == null) {
      throw new TrackingException("no run to finish")
          .withHint(
              new org.lamindb.LaminException.Hint(
                  ": call ln.track() first", ": start one with `lamin track` first"));
    }
    return end(status, null);
  }

  private Run end(Run.Status status, String note) {
    Run r = run;
    Path log = null;
    if (capture != null) {
      capture.close();
      log = capture.file();
      capture = null;
    }
    if (guard != null && !guard.isHookThread()) {
      guard.uninstall();
    }
    guard = null;
    complete(inst, r, status, log, note);
    inst.currentRunId(runBefore);
    run = null;
    Duration d = Duration.between(r.startedAt(), r.finishedAt());
    say(
        "finished Run('"
            + r.uid()
            + "') "
            + status.label()
            + " after "
            + fmt(d)
            + " at "
            + r.finishedAt());
    return r;
  }

  /** Sets status, finish time and report of {@code r} through {@code target}'s database. */
  static void complete(Instance target, Run r, Run.Status status, Path log, String note) {
    Artifact report = log == null ? null : RunArtifacts.saveReport(target, log, r.uid());
    Map<String, Object> v = Access.values(r);
    v.put("_status_code", (long) status.code());
    v.put("finished_at", RecordStore.now());
    if (report != null) {
      v.put("report_id", report.id());
    }
    if (note != null) {
      ObjectNode extra =
          v.get("extra_data") instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
      extra.put("exit", note);
      v.put("extra_data", extra);
    }
    Access.dirty(r)
        .addAll(java.util.List.of("_status_code", "finished_at", "report_id", "extra_data"));
    RecordStore.update(target, target.db().dsl(), r);
  }

  /** Called by the shutdown hook when the JVM ends before {@code finish()}. */
  private synchronized void atExit(Run.Status status, String note) {
    if (run == null) {
      return;
    }
    if (!closed) {
      end(status, note);
      return;
    }
    // the handle was closed (try-with-resources) before the JVM went down: reconnect to record the
    // outcome
    Run r = run;
    Path log = null;
    if (capture != null) {
      capture.close();
      log = capture.file();
    }
    try (LaminDB ln =
        LaminSetup.at(inst.store().home(), inst.store().env()).connect(inst.settings().slug())) {
      Instance other = Access.instance(ln);
      Run fresh = (Run) RecordStore.byId(other, CoreRegistries.RUN, r.id()).orElseThrow();
      complete(other, fresh, status, log, note);
      System.err.println("→ finished Run('" + r.uid() + "') " + status.label() + " (" + note + ")");
    } catch (RuntimeException e) {
      System.err.println("✗ could not record the end of Run('" + r.uid() + "'): " + e.getMessage());
    }
    run = null;
  }

  /**
   * Runs {@code body} as a nested run (a flow, or a step inside a tracked run or flow) with {@code
   * params}.
   *
   * @param step true for {@code ln.step}: requires an active run
   */
  public <T> T call(String name, Map<String, ?> params, Callable<T> body, boolean step) {
    Long parent = inst.currentRunId();
    if (step && parent == null) {
      throw new TrackingException(
          "Please track the global run context before using ln.step(\""
              + name
              + "\"): call ln.track() or run it"
              + " inside ln.flow(...)");
    }
    Transform t = transformForFunctions(name);
    Run r = newRun(t, name, ParamsJson.serialize(params), null, parent, step ? "step" : "flow");
    OutputCapture cap = null;
    if (!step && capture == null && parent == null) {
      try {
        cap =
            OutputCapture.start(
                inst.cacheDir().resolve("run_logs_" + r.uid() + ".txt"),
                "→ connected lamindb: " + inst.settings().slug());
      } catch (IOException e) {
        LOG.warn("cannot capture output of flow {}: {}", name, e.getMessage());
      }
    }
    inst.currentRunId(r.id());
    try {
      T value = body.call();
      closeCapture(cap);
      complete(inst, r, Run.Status.COMPLETED, cap == null ? null : cap.file(), null);
      return value;
    } catch (Exception | Error e) {
      if (cap != null) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        cap.appendToLog(sw.toString());
      }
      closeCapture(cap);
      complete(inst, r, Run.Status.ERRORED, cap == null ? null : cap.file(), null);
      if (e instanceof RuntimeException re) {
        throw re;
      }
      if (e instanceof Error err) {
        throw err;
      }
      throw new TrackingException((step ? "step '" : "flow '") + name + "' failed: " + e, e);
    } finally {
      inst.currentRunId(parent);
    }
  }

  private static void closeCapture(OutputCapture c) {
    if (c != null) {
      c.close();
    }
  }

  /**
   * The transform of flows and steps: the tracked program's, else the program's own, else one keyed
   * by name.
   */
  private synchronized Transform transformForFunctions(String name) {
    if (run != null) {
      return run.transform();
    }
    if (inst.currentRunId() != null) {
      Run current =
          (Run) RecordStore.byId(inst, CoreRegistries.RUN, inst.currentRunId()).orElseThrow();
      return current.transform();
    }
    if (functionTransform == null) {
      Program p;
      try {
        p = ProgramDetector.detect(null);
      } catch (TrackingException e) {
        p = new Program("function", name, null, null, null, null, null, "function");
      }
      functionTransform = new TransformResolver(inst).resolve(p, null, null).transform();
    }
    return functionTransform;
  }

  private Program identify(TrackOptions o) {
    Program p;
    if (o.sourceCode() != null) {
      if (o.key() == null) {
        throw new InvalidArgumentException(
            "source code needs a key: TrackOptions.ofKey(\"my-function\").sourceCode(...)");
      }
      p =
          new Program(
              "function",
              o.key(),
              null,
              o.sourceCode(),
              org.lamindb.internal.storage.Hashing.hashString(o.sourceCode()),
              null,
              null,
              "function");
    } else if (o.path() != null) {
      p = ProgramDetector.detect(o.path());
    } else {
      try {
        p = ProgramDetector.detect(null);
      } catch (TrackingException e) {
        if (o.key() == null && o.uid() == null) {
          throw e;
        }
        p =
            new Program(
                "pipeline",
                o.key() != null ? o.key() : o.uid(),
                null,
                null,
                null,
                null,
                null,
                "unknown");
      }
    }
    if (o.key() != null) {
      p = p.withKey(o.key());
    }
    if (o.kind() != null) {
      p = p.withKind(o.kind());
    }
    if (o.description() != null) {
      p = p.withDescription(o.description());
    }
    return p;
  }

  /** Inserts a started run. */
  Run newRun(
      Transform t,
      String entrypoint,
      ObjectNode params,
      String cliArgs,
      Long parent,
      String runtime) {
    Run r = new Run(inst.ln());
    set(r, "transform_id", t.id());
    set(r, "_status_code", (long) Run.Status.STARTED.code());
    set(r, "started_at", RecordStore.now());
    set(r, "entrypoint", entrypoint);
    set(r, "params", params);
    set(
        r,
        "cli_args",
        cliArgs == null || cliArgs.length() <= 1024 ? cliArgs : cliArgs.substring(0, 1024));
    set(r, "initiated_by_run_id", parent);
    set(r, "extra_data", RunEnvironment.describe(runtime));
    RecordStore.save(inst, r);
    return r;
  }

  private Long initiatedBy(String explicitUid) {
    String uid =
        explicitUid != null ? explicitUid : inst.store().env().get("LAMIN_INITIATED_BY_RUN_UID");
    if (uid == null || uid.isBlank()) {
      return inst.currentRunId();
    }
    return RecordStore.load(inst, CoreRegistries.RUN, col("uid").eq(uid.strip())).stream()
        .findFirst()
        .map(SQLRecord::id)
        .orElseThrow(
            () ->
                new NotFoundException("no run with uid '" + uid + "' to record as initiating run"));
  }

  private Project project(String nameOrUid) {
    return RecordStore.load(
            inst,
            CoreRegistries.PROJECT,
            col("name")
                .eq(nameOrUid)
                .or(col("uid").eq(nameOrUid))
                .and(col("branch_id").ne(RecordStore.TRASH)))
        .stream()
        .findFirst()
        .map(Project.class::cast)
        .orElseThrow(
            () ->
                new InvalidArgumentException("Project '" + nameOrUid + "' not found")
                    .withHint(
                        new org.lamindb.LaminException.Hint(
                            ", either create it with ln.project(\""
                                + nameOrUid
                                + "\").save() or fix typos.",
                            ", either create it with `lamin create project '"
                                + nameOrUid
                                + "'` or fix typos.")));
  }

  private void link(String table, String hostCol, long host, long project, boolean tracksRun) {
    var insert =
        inst.db()
            .dsl()
            .insertInto(DSL.table(DSL.name(table)))
            .set(col(hostCol), host)
            .set(col("project_id"), project)
            .set(
                col("created_at"),
                inst.db().toSql(org.lamindb.spi.FieldType.DATETIME, RecordStore.now()))
            .set(col("created_by_id"), inst.userId());
    if (tracksRun) {
      insert = insert.set(col("run_id"), inst.currentRunId());
    }
    insert.onConflictDoNothing().execute();
  }

  private static void set(SQLRecord<?> r, String column, Object value) {
    Access.values(r).put(column, value);
    Access.dirty(r).add(column);
  }

  private static void say(String line) {
    System.out.println("→ " + line);
  }

  private static String fmt(Duration d) {
    long ms = d.toMillis();
    return ms < 1000 ? ms + "ms" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
  }

  /**
   * @return the run's finish time (for messages)
   */
  static OffsetDateTime finishedAt(Run r) {
    return r.finishedAt();
  }

  /**
   * Marks the handle as closed; a run still open is ended at JVM exit by the shutdown hook (which
   * reconnects), so that an exception escaping try-with-resources still marks it errored.
   */
  @Override
  public synchronized void close() {
    closed = true;
  }
}
