package org.lamindb.cli.ontology;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.model.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lamin ontology list}: registries with record counts and their current sources. */
@Command(
    mixinStandardHelpOptions = true,
    name = "list",
    description = "List ontology registries, record counts and current sources.")
final class OntologyListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (LaminDB ln = LaminDB.connect()) {
      Bionty bt = Bionty.of(ln);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "%-20s %9s  %s%n",
          "registry", "records", "current sources (name version organism, * = imported)");
      for (BiontyEntity e : BiontyEntity.values()) {
        long n = bt.registry(e.className()).count();
        StringBuilder src = new StringBuilder();
        for (Source s :
            bt.sources().filter("entity", e.registryName()).filter("currently_used", true).list()) {
          src.append(src.length() == 0 ? "" : ", ")
              .append(s.name())
              .append(' ')
              .append(s.version())
              .append(' ')
              .append(s.organism())
              .append(Boolean.TRUE.equals(s.inDb()) ? "*" : "");
        }
        out.printf("%-20s %9d  %s%n", e.className(), n, src);
      }
      return 0;
    }
  }
}
