package org.lamindb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.curate.Curator;
import org.lamindb.curate.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin curate <file> --schema <name|uid> [--standardize] [--add-new-from col]... [--format
 * text|json]}: validates a file (table, .h5ad, .h5mu, AnnData/MuData/SpatialData .zarr) against a
 * schema without saving it, printing the per-slot report; {@code --standardize} maps synonyms to
 * names in the loaded data (the file is not changed), {@code --add-new-from} creates the missing
 * records of a column in every slot that has it. Exits 1 when the file does not validate.
 */
@Command(
    name = "curate",
    mixinStandardHelpOptions = true,
    description =
        "Validate a file against a schema (per slot and column) without saving it; exits 1 when"
            + " it does not validate.")
public final class CurateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<file>", description = "File or store to validate.")
  Path file;

  @Option(
      names = "--schema",
      required = true,
      paramLabel = "<name|uid>",
      description = "Schema name (e.g. ensembl_gene_ids_and_valid_features_in_obs) or uid.")
  String schema;

  @Option(
      names = "--standardize",
      description =
          "Replace synonyms of registry names with the names (in memory) before the report.")
  boolean standardize;

  @Option(
      names = "--add-new-from",
      paramLabel = "<column>",
      description =
          "Create the missing records (labels, records, terms) of this categorical column in every"
              + " slot that has it; 'columns' registers unknown columns as features. Repeatable.")
  List<String> addNewFrom = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "Report format: text (default) or json.")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new InvalidArgumentException("--format must be text or json, not '" + format + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (LaminDB ln = Cli.connect()) {
      Curator c = ln.curator(file, schema);
      ValidationReport r = c.report();
      if (standardize) {
        for (ValidationReport.Slot s : r.slots()) {
          for (ValidationReport.Column col : s.columns()) {
            if (!col.synonyms().isEmpty()) {
              Map<String, String> m = c.standardize(s.slot(), col.name());
              m.forEach(
                  (k, v) ->
                      err.println(
                          "→ standardized in "
                              + s.slot()
                              + "/"
                              + col.name()
                              + ": "
                              + k
                              + " → "
                              + v));
            }
          }
        }
        r = c.report();
      }
      for (String column : addNewFrom) {
        boolean any = false;
        for (ValidationReport.Slot s : r.slots()) {
          boolean has =
              column.equals("columns")
                  || s.columns().stream()
                      .anyMatch(col -> col.name().equals(column) && !col.nonValidated().isEmpty());
          if (has) {
            any = true;
            List<String> created = c.addNewFrom(s.slot(), column);
            err.println(
                "→ created "
                    + created.size()
                    + " record(s) from "
                    + s.slot()
                    + "/"
                    + column
                    + ": "
                    + created);
          }
        }
        if (!any) {
          throw new InvalidArgumentException(
              "no slot has non-validated values in column '" + column + "'; see the report");
        }
        r = c.report();
      }
      out.println(format.equals("json") ? r.toJson() : r.toText());
      return r.ok() ? 0 : 1;
    }
  }
}
