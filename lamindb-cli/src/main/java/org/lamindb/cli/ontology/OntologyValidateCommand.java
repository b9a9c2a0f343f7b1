package org.lamindb.cli.ontology;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.PublicOntology;
import org.lamindb.curate.InspectResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin ontology validate <Registry> --field name <values...>}: prints "N of M validated"
 * and the synonym and casing suggestions; exits 1 when some values do not validate.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "validate",
    description = "Validate values against a registry field; suggests standard names.")
final class OntologyValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "Registry, e.g. CellType, Gene.")
  String registry;

  @Parameters(index = "1..*", arity = "1..*", description = "Values to validate.")
  List<String> values;

  @Option(
      names = "--field",
      description = "Field to validate (default: the registry's name field).")
  String field;

  @Option(
      names = "--organism",
      description = "Genes: organism (inferred from Ensembl ids when omitted).")
  String organism;

  @Option(
      names = "--source-file",
      description =
          "Also look the values the registry lacks up in this ontology file and say which it has.")
  Path sourceFile;

  @Override
  public Integer call() {
    try (LaminDB ln = LaminDB.connect()) {
      Bionty bt = Bionty.of(ln);
      BiontyEntity e = BiontyEntity.of(registry);
      String f = field == null ? e.nameField() : field;
      InspectResult r;
      if (e == BiontyEntity.GENE && organism != null) {
        r = bt.genes().inspect(values, f, organism);
      } else if (sourceFile != null) {
        r = bt.registry(registry).inspect(values, f, PublicOntology.load(sourceFile, e));
      } else {
        r = bt.registry(registry).inspect(values, f);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(r.validated().size() + " of " + r.nUnique() + " validated");
      r.messages().forEach(out::println);
      r.synonymsMapper().forEach((k, v) -> out.println("   " + k + " → " + v));
      return r.allValidated() ? 0 : 1;
    }
  }
}
