package org.lamindb.cli.ontology;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin ontology import <Registry> [--file F]}: imports a source into a bionty registry. */
@Command(name = "import", description = "Import a public ontology or gene table into a registry.")
final class OntologyImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  // not mixinStandardHelpOptions: --version is the source version here
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Parameters(index = "0", description = "Registry, e.g. CellType, Tissue, Disease, Gene.")
  String registry;

  @Option(
      names = "--file",
      description =
          "Local source file: .obo, .owl (RDF/XML or OWL/XML), .json (OBO Graph JSON or"
              + " cellxgene ontology JSON, told apart by the first key), .parquet (bionty table);"
              + " for Gene, Protein, CellMarker and Organism also tables (.parquet, .csv, .tsv,"
              + " Ensembl species .txt) and gene .csv.gz; each also gzipped. Without it the source"
              + " is fetched into the cache once.")
  Path file;

  @Option(
      names = "--source",
      description =
          "Source name, e.g. cl, mondo, doid (default: detected from the file, else the"
              + " registry's current source).")
  String source;

  @Option(
      names = "--version",
      description = "Source version (default: detected from the file, else the current one).")
  String version;

  @Option(
      names = "--hgnc",
      description = "Genes only: HGNC complete set TSV for synonyms and NCBI ids.")
  Path hgnc;

  @Option(
      names = "--organism",
      description =
          "Organism of Gene, Protein or CellMarker records, e.g. human (default: inferred from"
              + " the file or the source).")
  String organism;

  @Override
  public Integer call() {
    try (LaminDB ln = org.lamindb.cli.Cli.connect()) {
      Bionty bt = ln.module(Bionty.class);
      BiontyEntity e = BiontyEntity.of(registry);
      ImportReport r;
      if (file == null && hgnc != null) {
        throw new org.lamindb.InvalidArgumentException(
            "--hgnc needs a gene table: pass --file genes.csv.gz --hgnc hgnc.txt.gz");
      }
      if (e == BiontyEntity.GENE && hgnc != null) {
        r = bt.genes().importSource(file, hgnc, organism);
      } else if (file != null) {
        r = bt.registry(registry).importSource(file, source, version, organism);
      } else if (source != null || version != null) {
        r =
            bt.registry(registry)
                .importSource(
                    source != null ? source : bt.registry(registry).currentSource().name(),
                    version);
      } else {
        r = bt.registry(registry).importSource();
      }
      spec.commandLine().getOut().println("✓ " + r);
      return 0;
    }
  }
}
