package org.lamindb.cli.ontology;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lamin ontology}: import public ontologies and gene tables into the bionty registries of
 * the current instance, search them and validate values. Wire it into the root command's {@code
 * subcommands}.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "ontology",
    description = "Import, search and validate against ontology registries (bionty module).",
    subcommands = {
      OntologyImportCommand.class,
      OntologySearchCommand.class,
      OntologyValidateCommand.class,
      OntologyListCommand.class,
      OntologySourcesCommand.class
    })
public final class OntologyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli instantiates it. */
  public OntologyCommand() {}

  /** Prints the usage of the subcommands. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
