package org.lamindb.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.ShellTracking;
import org.lamindb.model.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lamin finish [--status completed|errored|aborted]}: end the run started by {@code lamin
 * track}.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "finish",
    description = "Finish the run started by `lamin track` in this directory (or $LAMIN_RUN_UID).")
final class FinishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--status",
      defaultValue = "completed",
      description = "completed (default), errored or aborted.")
  String status;

  @Override
  public Integer call() {
    Run.Status s =
        switch (status.toLowerCase(java.util.Locale.ROOT)) {
          case "completed" -> Run.Status.COMPLETED;
          case "errored" -> Run.Status.ERRORED;
          case "aborted" -> Run.Status.ABORTED;
          default ->
              throw new InvalidArgumentException(
                  "unknown status '" + status + "': use completed, errored or aborted");
        };
    try (LaminDB ln = Cli.connect()) {
      Run run = ShellTracking.finish(ln, s, Path.of("").toAbsolutePath());
      spec.commandLine()
          .getOut()
          .println("→ finished Run('" + run.uid() + "') " + s.label() + " at " + run.finishedAt());
    }
    return 0;
  }
}
