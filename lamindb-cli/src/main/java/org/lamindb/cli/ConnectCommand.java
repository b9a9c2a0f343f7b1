package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.LaminSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin connect}: make an instance the default. */
@Command(
    mixinStandardHelpOptions = true,
    name = "connect",
    description =
        "Make an instance the default: by name from the local settings, else from the catalog (checks that it opens; migrates older schemas).")
final class ConnectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "INSTANCE",
      description = "<name> or <owner>/<name>; credentials come from PGUSER/PGPASSWORD/~/.pgpass")
  String instance;

  @Override
  public Integer call() {
    String slug = LaminSetup.fromEnvironment().setCurrent(instance);
    spec.commandLine().getOut().println("→ connected lamindb: " + slug);
    return 0;
  }
}
