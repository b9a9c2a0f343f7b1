package org.lamindb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lamindb.InstanceInfo;
import org.lamindb.LaminSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lamin info}: settings of the current instance and user (reads settings only; fast). */
@Command(
    mixinStandardHelpOptions = true,
    name = "info",
    description = "Show the current instance, user, storage, cache and settings directories.")
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    LaminSetup setup = LaminSetup.fromEnvironment();
    PrintWriter out = spec.commandLine().getOut();
    out.println("User: " + setup.user());
    var info = setup.info();
    if (info.isEmpty()) {
      out.println("Instance: none (run `lamin init --storage <dir>` or `lamin connect <name>`)");
    } else {
      InstanceInfo i = info.get();
      out.println("Instance: " + i.slug());
      out.println("  storage: " + i.storageRoot());
      out.println("  db: " + i.db());
      out.println("  modules: " + (i.modules().isEmpty() ? "-" : String.join(",", i.modules())));
      out.println("  branch: main");
      out.println("  space: all");
    }
    out.println("Cache dir: " + setup.cacheDir());
    out.println("Settings dir: " + setup.home());
    return 0;
  }
}
