package org.lamindb.cli.ontology;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.SourceInfo;
import org.lamindb.bionty.model.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin ontology sources [Registry] [--sync ontology_info.json]}: lists the public source
 * versions of the instance, optionally after registering those an {@code ontology_info.json} lists
 * as the ones currently used.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "sources",
    description =
        "List the sources (name, version, organism, URL) of the ontology registries;"
            + " * = currently used, + = imported.")
final class OntologySourcesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", description = "Only this registry, e.g. CellType.")
  String registry;

  @Option(
      names = "--sync",
      description =
          "Register the versions and URLs an ontology_info.json (cellxgene layout) lists and make"
              + " them the ones currently used; `lamin ontology import <Registry>` then fetches them.")
  Path sync;

  @Override
  public Integer call() {
    try (LaminDB ln = LaminDB.connect()) {
      Bionty bt = Bionty.of(ln);
      PrintWriter out = spec.commandLine().getOut();
      if (sync != null) {
        var synced = bt.syncSources(sync);
        out.println("✓ " + synced.size() + " source version(s) now currently used:");
        for (SourceInfo s : synced) {
          out.println("  " + s.entity().className() + ": " + s);
        }
      }
      var q = bt.sources();
      if (registry != null) {
        q = q.filter("entity", BiontyEntity.of(registry).registryName());
      }
      out.printf(
          "%-28s %-12s %-14s %-24s %s%n", "registry", "source", "version", "organism", "url");
      for (Source s : q.orderBy("entity", "id").list()) {
        out.printf(
            "%-28s %-12s %-14s %-24s %s%n",
            s.entity()
                + (Boolean.TRUE.equals(s.currentlyUsed()) ? " *" : "")
                + (Boolean.TRUE.equals(s.inDb()) ? " +" : ""),
            s.name(),
            s.version(),
            s.organism(),
            s.url() == null ? "" : s.url());
      }
      return 0;
    }
  }
}
