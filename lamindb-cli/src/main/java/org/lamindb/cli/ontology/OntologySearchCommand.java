package org.lamindb.cli.ontology;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.model.BioRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin ontology search <Registry> <text>}: ranked search over name, synonyms and ontology
 * id.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "search",
    description = "Search a registry by name, synonyms and ontology id.")
final class OntologySearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "Registry, e.g. CellType.")
  String registry;

  @Parameters(index = "1", description = "Search text.")
  String text;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "Maximum results (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    try (LaminDB ln = LaminDB.connect()) {
      PrintWriter out = spec.commandLine().getOut();
      var reg = Bionty.of(ln).registry(registry);
      for (BioRecord<?> r : reg.search(text, limit)) {
        Object name = r.get(reg.entity().nameField());
        Object id = reg.entity().ontologyIdField().map(r::get).orElse("");
        out.println(
            id
                + "\t"
                + name
                + (r.synonyms().isEmpty() ? "" : "\t" + String.join("|", r.synonyms())));
      }
      return 0;
    }
  }
}
