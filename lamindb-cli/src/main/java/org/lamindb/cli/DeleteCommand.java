package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.LaminSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin delete --force <instance>}: delete an instance. */
@Command(name = "delete", description = "Delete an instance (its database and <storage>/.lamindb; other files are kept).")
final class DeleteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "INSTANCE", description = "<name> or <owner>/<name>")
  String instance;

  @Option(names = "--force", description = "Required: confirm the deletion.")
  boolean force;

  @Override
  public Integer call() {
    for (String r : LaminSetup.fromEnvironment().delete(instance, force)) {
      spec.commandLine().getOut().println("→ deleted " + r);
    }
    return 0;
  }
}
