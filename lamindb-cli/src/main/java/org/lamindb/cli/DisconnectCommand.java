package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.LaminSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lamin disconnect}: forget the default instance. */
@Command(
    mixinStandardHelpOptions = true,
    name = "disconnect",
    description = "Forget the default instance.")
final class DisconnectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LaminSetup setup = LaminSetup.fromEnvironment();
    var current = setup.current();
    setup.disconnect();
    spec.commandLine()
        .getOut()
        .println(
            current.map(s -> "→ disconnected from " + s).orElse("→ no instance was connected"));
    return 0;
  }
}
