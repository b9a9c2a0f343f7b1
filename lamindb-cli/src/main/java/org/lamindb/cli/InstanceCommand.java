package org.lamindb.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.lamindb.CatalogEntry;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin instance publish|list|clone}: the team's instance catalog. */
@Command(
    mixinStandardHelpOptions = true,
    name = "instance",
    description = {
      "Publish instances to the team's catalog, list it, write read-only clones.",
      "The catalog is LAMIN_CATALOG, else `lamin settings catalog set <folder|s3://..|postgresql://..>`."
    },
    subcommands = {
      InstanceCommand.Publish.class,
      InstanceCommand.ListInstances.class,
      InstanceCommand.CloneInstance.class
    })
final class InstanceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new InvalidArgumentException(
        "pass a subcommand: lamin instance publish|list|clone (see lamin instance --help)");
  }

  static String current(LaminSetup setup, String instance) {
    if (instance != null) {
      return instance;
    }
    return setup
        .current()
        .orElseThrow(
            () ->
                new InvalidArgumentException(
                    "no current instance: pass one (lamin instance publish <owner>/<name>) or run"
                        + " `lamin connect <name>`"));
  }

  static void printPublished(PrintWriter out, LaminSetup setup, CatalogEntry e) {
    out.println(
        "→ published "
            + e.slug()
            + " to catalog "
            + setup.catalog().orElse("?")
            + " (db "
            + e.db()
            + ", storage "
            + e.storageRoot()
            + (e.cloneLocation() == null ? "" : ", clone " + e.cloneLocation())
            + ")");
  }

  /** {@code lamin instance publish [instance]}. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "publish",
      description =
          "Write the instance's descriptor (no secrets: the database URL without user and password) to the catalog.")
  static final class Publish implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "INSTANCE", description = "default: the current one")
    String instance;

    @Override
    public Integer call() {
      LaminSetup setup = LaminSetup.fromEnvironment();
      printPublished(spec.commandLine().getOut(), setup, setup.publish(current(setup, instance)));
      return 0;
    }
  }

  /** {@code lamin instance list}. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "list",
      description = "List the instances in the catalog.")
  static final class ListInstances implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      LaminSetup setup = LaminSetup.fromEnvironment();
      List<CatalogEntry> all = setup.catalogInstances();
      PrintWriter out = spec.commandLine().getOut();
      out.println("catalog " + setup.catalog().orElse("?") + ": " + all.size() + " instance(s)");
      for (CatalogEntry e : all) {
        out.println(
            e.slug()
                + "  db="
                + e.db()
                + "  storage="
                + e.storageRoot()
                + "  modules="
                + String.join(",", e.modules())
                + (e.cloneLocation() == null
                    ? ""
                    : "  clone=" + e.cloneLocation() + " (" + e.cloneCreatedAt() + ")"));
      }
      return 0;
    }
  }

  /** {@code lamin instance clone [--publish] [instance]}. */
  @Command(
      mixinStandardHelpOptions = true,
      name = "clone",
      description =
          "Write a read-only SQLite clone of a PostgreSQL instance into its storage (.lamindb/clone.db).")
  static final class CloneInstance implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "INSTANCE", description = "default: the current one")
    String instance;

    @Option(
        names = "--publish",
        description =
            "Record the clone in the catalog: readers without database credentials then use it.")
    boolean publish;

    @Override
    public Integer call() {
      LaminSetup setup = LaminSetup.fromEnvironment();
      String slug = current(setup, instance);
      String loc = setup.cloneInstance(slug, publish);
      spec.commandLine()
          .getOut()
          .println(
              "→ wrote the read-only clone of "
                  + slug
                  + " to "
                  + loc
                  + (publish ? " and recorded it in catalog " + setup.catalog().orElse("?") : ""));
      return 0;
    }
  }
}
