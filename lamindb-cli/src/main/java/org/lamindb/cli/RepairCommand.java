package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.LaminDB;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lamin repair [--dry-run]}: remove leftovers of interrupted saves. */
@Command(
    mixinStandardHelpOptions = true,
    name = "repair",
    description =
        "Find leftovers of interrupted saves (orphan files, temporary uploads) and remove them.")
final class RepairCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dry-run", description = "Only report what would be removed.")
  boolean dryRun;

  @Override
  public Integer call() {
    try (LaminDB ln = Cli.connect()) {
      var lines = ln.repair(dryRun);
      lines.forEach(spec.commandLine().getOut()::println);
      spec.commandLine()
          .getOut()
          .println(
              "→ "
                  + lines.stream().filter(l -> !l.startsWith("missing")).count()
                  + (dryRun ? " leftover(s) found" : " leftover(s) removed"));
    }
    return 0;
  }
}
