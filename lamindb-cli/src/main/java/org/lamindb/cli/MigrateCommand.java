package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.InstanceException;
import org.lamindb.LaminSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin migrate [instance]}: upgrade an instance's schema. */
@Command(
    mixinStandardHelpOptions = true,
    name = "migrate",
    description =
        "Upgrade the schema of an instance (default: the current one) to this version of lamindb-java.")
final class MigrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "INSTANCE", arity = "0..1", description = "<name> or <owner>/<name>")
  String instance;

  @Override
  public Integer call() {
    LaminSetup setup = LaminSetup.fromEnvironment();
    String ref =
        instance != null
            ? instance
            : setup
                .current()
                .orElseThrow(() -> new InstanceException("no current instance; pass one"));
    setup
        .migrate(ref)
        .forEach((m, v) -> spec.commandLine().getOut().println("→ " + m + ": schema version " + v));
    return 0;
  }
}
