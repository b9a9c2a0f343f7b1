package org.lamindb.internal.lineage;

import static org.lamindb.internal.core.RecordStore.col;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.NotFoundException;
import org.lamindb.StorageException;
import org.lamindb.TrackingException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Run;

/**
 * Runs of shell and pipeline steps ({@code lamin track} … {@code lamin finish}): the run uid is
 * remembered per instance and working directory in {@code $LAMIN_HOME/shell-runs/}, and {@value
 * #ENV} overrides it. Every {@link LaminDB#connect()} in such a directory (e.g. {@code lamin save},
 * {@code lamin load}, or a Java program) attaches to the run, so what it saves becomes the run's
 * output and what it loads its input.
 */
public final class ShellRuns {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ShellRuns.class);

  /** Environment variable naming the current run (overrides the per-directory file). */
  public static final String ENV = "LAMIN_RUN_UID";

  private ShellRuns() {}

  /**
   * @return the state file of the run of {@code cwd} on this instance
   */
  static Path stateFile(Instance inst, Path cwd) {
    String slug = inst.settings().slug().replace('/', '-');
    String dir = cwd.toAbsolutePath().normalize().toString();
    return inst.store()
        .home()
        .resolve("shell-runs")
        .resolve(slug + "--" + Hashing.hashString(dir).substring(0, 16) + ".run");
  }

  /**
   * @return the uid of the current shell run: {@value #ENV} if set, unless this directory remembers
   *     a run started while {@value #ENV} had that value (a nested step, e.g. a Nextflow task
   *     inside a tracked pipeline); else the run remembered for {@code cwd}
   */
  public static Optional<String> currentUid(Instance inst, Path cwd) {
    String env = envUid(inst);
    Optional<String[]> remembered = remembered(inst, cwd);
    if (env == null) {
      return remembered.map(r -> r[0]);
    }
    if (remembered.isPresent() && env.equals(remembered.get()[1])) {
      return Optional.of(remembered.get()[0]);
    }
    return Optional.of(env);
  }

  private static String envUid(Instance inst) {
    String env = inst.store().env().get(ENV);
    return env == null || env.isBlank() ? null : env.strip();
  }

  private static Optional<String> rememberedUid(Instance inst, Path cwd) {
    return remembered(inst, cwd).map(r -> r[0]);
  }

  /**
   * @return {uid, uid of {@value #ENV} when it was started or "-"} remembered for {@code cwd}
   */
  private static Optional<String[]> remembered(Instance inst, Path cwd) {
    Path f = stateFile(inst, cwd);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      String[] parts = Files.readString(f, StandardCharsets.UTF_8).strip().split("\\s+");
      if (parts.length == 0 || parts[0].isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new String[] {parts[0], parts.length > 1 ? parts[1] : "-"});
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Attaches a newly connected handle to the current shell run, if one is started; called on every
   * connect.
   */
  public static void attach(LaminDB ln) {
    Instance inst = Access.instance(ln);
    Optional<String> uid = currentUid(inst, Path.of("").toAbsolutePath());
    if (uid.isEmpty()) {
      return;
    }
    Optional<Run> run = find(inst, uid.get());
    if (run.isEmpty()) {
      // e.g. $LAMIN_RUN_UID names a run of another instance: this handle is simply not attached
      LOG.warn(
          "no run with uid '{}' in {}; not attaching this connection to a run",
          uid.get(),
          inst.settings().slug());
      return;
    }
    if (run.get().status() == Run.Status.STARTED) {
      LineageService.of(inst);
      inst.currentRunId(run.get().id());
    }
  }

  /**
   * Starts a run for a shell step in {@code cwd} and remembers it there. A run still open in that
   * directory (not one named by {@value #ENV}, which becomes the new run's parent) is marked
   * aborted first.
   *
   * @param script the step's source file, or null
   * @return the new run
   */
  public static Run start(LaminDB ln, TrackOptions o, Path script, Path cwd) {
    Instance inst = Access.instance(ln);
    if (o.key() == null && script == null) {
      throw new InvalidArgumentException(
          "pass a script path or --key, e.g. lamin track --key step.sh");
    }
    Optional<String> old = rememberedUid(inst, cwd);
    if (old.isPresent()) {
      Optional<Run> r = find(inst, old.get());
      if (r.isPresent() && r.get().status() == Run.Status.STARTED) {
        LineageService.complete(
            inst, r.get(), Run.Status.ABORTED, null, "superseded by a new lamin track");
        System.err.println(
            "→ marked the previous Run('" + old.get() + "') of this directory aborted");
        if (r.get().id().equals(inst.currentRunId())) {
          inst.currentRunId(null);
        }
      }
    }
    Run run = LineageService.of(inst).trackShell(o, script);
    Path f = stateFile(inst, cwd);
    try {
      Files.createDirectories(f.getParent());
      String parent = envUid(inst);
      Files.writeString(
          f, run.uid() + " " + (parent == null ? "-" : parent) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StorageException("cannot remember the run in " + f + ": " + e.getMessage(), e);
    }
    return run;
  }

  /**
   * Ends the current shell run of {@code cwd} (or {@value #ENV}) with {@code status} and forgets
   * it.
   *
   * @return the finished run
   */
  public static Run finish(LaminDB ln, Run.Status status, Path cwd) {
    Instance inst = Access.instance(ln);
    String uid =
        currentUid(inst, cwd)
            .orElseThrow(
                () ->
                    new TrackingException(
                        "no run to finish in "
                            + cwd.toAbsolutePath()
                            + ": start one with `lamin track --key <step>` (or set $"
                            + ENV
                            + ")"));
    Run run =
        find(inst, uid).orElseThrow(() -> new NotFoundException("no run with uid '" + uid + "'"));
    if (run.status() != Run.Status.STARTED) {
      throw new TrackingException("Run('" + uid + "') is already " + run.status().label());
    }
    LineageService.complete(inst, run, status, null, null);
    if (run.id().equals(inst.currentRunId())) {
      inst.currentRunId(null);
    }
    Path f = stateFile(inst, cwd);
    if (rememberedUid(inst, cwd).filter(uid::equals).isPresent()) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        // harmless: the run is finished and will not be attached again
      }
    }
    return run;
  }

  private static Optional<Run> find(Instance inst, String uid) {
    return org.lamindb.internal.core.RecordStore.load(inst, CoreRegistries.RUN, col("uid").eq(uid))
        .stream()
        .findFirst()
        .map(Run.class::cast);
  }
}
