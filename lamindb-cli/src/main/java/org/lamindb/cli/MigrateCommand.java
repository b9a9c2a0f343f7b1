package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.InstanceException;
import org.lamindb.LaminSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin migrate [--dry-run] [instance]}: upgrade an instance's schema. */
@Command(
    mixinStandardHelpOptions = true,
    name = "migrate",
    description =
        "Upgrade the schema of an instance (default: the current one) to this version of lamindb-java.")
final class MigrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "INSTANCE", arity = "0..1", description = "<name> or <owner>/<name>")
  String instance;

  @Option(names = "--dry-run", description = "Only list the pending migrations; write nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    LaminSetup setup = LaminSetup.fromEnvironment();
    String ref =
        instance != null
            ? instance
            : setup
                .current()
                .orElseThrow(() -> new InstanceException("no current instance; pass one"));
    if (dryRun) {
      var pending = setup.pendingMigrations(ref);
      pending.forEach(m -> spec.commandLine().getOut().println("pending: " + m));
      spec.commandLine()
          .getOut()
          .println(
              pending.isEmpty()
                  ? "→ up to date, nothing to migrate"
                  : "→ " + pending.size() + " pending migration(s); run `lamin migrate` to apply");
      return 0;
    }
    setup
        .migrate(ref)
        .forEach((m, v) -> spec.commandLine().getOut().println("→ " + m + ": schema version " + v));
    return 0;
  }
}
