package org.lamindb.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lamin init}: create an instance (or connect to it if it exists) and make it the default.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "init",
    description = "Create an instance and make it the default.")
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--storage",
      required = true,
      description =
          "Default storage: a folder (created if missing), s3://bucket/prefix or gs://bucket/prefix.")
  String storage;

  @Option(
      names = "--db",
      description =
          "PostgreSQL URL (postgresql://user[:password]@host[:port]/db); default: SQLite in <storage>/.lamindb/lamin.db.")
  String db;

  @Option(
      names = "--name",
      description = "Instance name; default: the storage folder's name (or the database name).")
  String name;

  @Option(
      names = "--modules",
      split = ",",
      description = "Modules to enable, comma-separated (e.g. bionty).")
  List<String> modules = List.of();

  @Option(
      names = "--publish",
      description =
          "Also publish the instance to the catalog (LAMIN_CATALOG or `lamin settings catalog set`).")
  boolean publish;

  @Override
  public Integer call() {
    InitOptions o = InitOptions.storage(storage).db(db).name(name).modules(modules);
    LaminSetup setup = LaminSetup.fromEnvironment();
    String slug;
    try (LaminDB ln = setup.init(o)) {
      slug = ln.slug();
      spec.commandLine()
          .getOut()
          .println(
              "→ initialized lamindb: " + ln.slug() + " (storage " + ln.info().storageRoot() + ")");
    }
    if (publish) {
      InstanceCommand.printPublished(spec.commandLine().getOut(), setup, setup.publish(slug));
    }
    return 0;
  }
}
