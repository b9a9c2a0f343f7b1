package org.lamindb;

import java.nio.file.Path;
import org.lamindb.internal.lineage.ShellRuns;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Run;

/**
 * Runs of shell and pipeline steps, as {@code lamin track} and {@code lamin finish} start and end
 * them: the run is remembered per instance and working directory (environment variable {@code
 * LAMIN_RUN_UID} overrides it), and every {@link LaminDB#connect()} in that directory attaches to
 * it, so what a step saves becomes the run's output and what it loads its input.
 *
 * <pre>{@code
 * try (LaminDB ln = LaminDB.connect()) {
 *   Path cwd = Path.of("").toAbsolutePath();
 *   Run run = ShellTracking.start(ln, TrackOptions.ofKey("step.sh"), null, cwd);
 *   // ... other programs and lamin commands in cwd attach to run ...
 *   ShellTracking.finish(ln, Run.Status.COMPLETED, cwd);
 * }
 * }</pre>
 */
public final class ShellTracking {
  private ShellTracking() {}

  /**
   * Starts a run for a shell step in {@code cwd} and remembers it there. A run still open in that
   * directory (not one named by {@code LAMIN_RUN_UID}, which becomes the new run's parent) is
   * marked aborted first.
   *
   * @param ln the instance
   * @param options key, description, kind, project of the step's transform
   * @param script the step's source file, or null when {@code options} has a key
   * @param cwd the working directory the run belongs to
   * @return the new run
   * @throws InvalidArgumentException when neither a script nor a key is given
   */
  public static Run start(LaminDB ln, TrackOptions options, Path script, Path cwd) {
    return ShellRuns.start(ln, options, script, cwd);
  }

  /**
   * Ends the current shell run of {@code cwd} (or of {@code LAMIN_RUN_UID}) with {@code status} and
   * forgets it.
   *
   * @param ln the instance
   * @param status completed, errored or aborted
   * @param cwd the working directory the run belongs to
   * @return the finished run
   * @throws TrackingException when no run is started there, or it has ended already
   */
  public static Run finish(LaminDB ln, Run.Status status, Path cwd) {
    return ShellRuns.finish(ln, status, cwd);
  }
}
