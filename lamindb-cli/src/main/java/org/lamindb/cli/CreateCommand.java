package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.model.Dtype;
import org.lamindb.model.SQLRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin create feature|ulabel|project|record <name> [--dtype D]}: creates (or returns the
 * existing) record by name, the command the CLI's hints point to.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create a feature, ulabel, project or record by name (existing ones are kept).")
final class CreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<entity>",
      description = "feature, ulabel, project or record")
  String entity;

  @Parameters(index = "1", paramLabel = "<name>", description = "Name of the new record.")
  String name;

  @Option(
      names = "--dtype",
      description =
          "Features only: str, int, float, num, bool, date, datetime, dict, 'cat[ULabel]',"
              + " 'cat[bionty.CellType]', 'list[str]', ... (default: str).")
  String dtype;

  @Override
  public Integer call() {
    if (dtype != null && !entity.equals("feature")) {
      throw new InvalidArgumentException("--dtype is for features only, not for " + entity);
    }
    try (LaminDB ln = Cli.connect()) {
      SQLRecord<?> rec =
          switch (entity) {
            case "feature" -> ln.feature(name, Dtype.parse(dtype == null ? "str" : dtype)).save();
            case "ulabel" -> ln.ulabel(name).save();
            case "project" -> ln.project(name).save();
            case "record" -> ln.record(name).save();
            default ->
                throw new InvalidArgumentException(
                    "cannot create '" + entity + "': use feature, ulabel, project or record");
          };
      spec.commandLine()
          .getOut()
          .println("→ saved " + rec.registry().name() + " '" + name + "' uid=" + rec.uid());
    }
    return 0;
  }
}
