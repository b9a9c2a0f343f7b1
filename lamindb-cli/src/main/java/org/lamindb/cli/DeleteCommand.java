package org.lamindb.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin delete artifact <key|uid> [--permanent]} moves an artifact to the trash (or deletes
 * it for good); {@code lamin delete --force <instance>} deletes an instance.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "delete",
    description = {
      "Delete an artifact (to the trash, or --permanent) or an instance (--force).",
      "  lamin delete artifact <key|uid> [--permanent]",
      "  lamin delete --force <instance>"
    })
final class DeleteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "ARGS",
      arity = "1..2",
      description = "artifact <key|uid>, instance <name>, or <instance>")
  List<String> args;

  @Option(names = "--force", description = "Required to delete an instance.")
  boolean force;

  @Option(
      names = "--permanent",
      description = "Delete the artifact for good (its owned content too) instead of trashing it.")
  boolean permanent;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    String kind = args.size() == 2 ? args.get(0) : "instance";
    String target = args.get(args.size() - 1);
    switch (kind) {
      case "artifact" -> {
        try (LaminDB ln = Cli.connect()) {
          var a = ln.artifactByUidOrKey(target, permanent);
          a.delete(permanent);
          out.println(
              permanent
                  ? "→ permanently deleted artifact " + target
                  : "→ moved artifact " + a.uid() + " to trash");
        }
      }
      case "instance" -> {
        for (String r : LaminSetup.fromEnvironment().delete(target, force)) {
          out.println("→ deleted " + r);
        }
      }
      default ->
          throw new InvalidArgumentException(
              "cannot delete '"
                  + kind
                  + "': use `lamin delete artifact <key|uid>` or `lamin delete --force <instance>`");
    }
    return 0;
  }
}
