package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.LaminDB;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin restore [artifact] <key|uid>}: bring an artifact back from the trash. */
@Command(
    mixinStandardHelpOptions = true,
    name = "restore",
    description = "Restore a trashed artifact.")
final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ARGS", arity = "1..2", description = "[artifact] <uid or key>")
  java.util.List<String> args;

  @Override
  public Integer call() {
    String ref = args.get(args.size() - 1);
    try (LaminDB ln = Cli.connect()) {
      var a = ln.artifactByUidOrKey(ref, true).restore();
      spec.commandLine().getOut().println("→ restored artifact " + a.uid());
    }
    return 0;
  }
}
