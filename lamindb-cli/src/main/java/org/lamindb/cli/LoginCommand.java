package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.LaminSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin login <handle>}: set the local user identity (no hub). */
@Command(
    mixinStandardHelpOptions = true,
    name = "login",
    description = "Set the local user identity (no hub account needed).")
final class LoginCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "HANDLE", description = "user handle, e.g. alice")
  String handle;

  @Override
  public Integer call() {
    String uid = LaminSetup.fromEnvironment().login(handle);
    spec.commandLine().getOut().println("→ logged in as " + handle + " (uid " + uid + ")");
    return 0;
  }
}
