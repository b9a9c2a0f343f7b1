package org.lamindb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lamindb.LaminDB;
import org.lamindb.curate.InspectResult;
import org.lamindb.model.SQLRecord;
import org.lamindb.query.QuerySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin validate <registry> [--field name] [--filter lookup=value ...] <values...>}:
 * validates values against a field of any registry (ULabel, Record, Feature, ...; LaminDB's {@code
 * Registry.inspect()}), prints "N of M validated", LaminDB's report lines and the standard names
 * that casing or synonyms suggest; exits 1 when some values do not validate.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Validate values against a registry field (default: its name); suggests standard names.")
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<registry>",
      description = "Registry name as in LaminDB: ulabel, record, feature, project, ...")
  String registry;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "<value>",
      description = "Values to validate.")
  List<String> values;

  @Option(
      names = "--field",
      description = "Text field to validate against (default: the registry's name field).")
  String field;

  @Option(
      names = {"-f", "--filter"},
      paramLabel = "<lookup=value>",
      description =
          "Only validate against records matching this filter, e.g. type__name=Sample; repeatable.")
  List<String> filters = new ArrayList<>();

  @Override
  public Integer call() {
    try (LaminDB ln = LaminDB.connect()) {
      QuerySet<SQLRecord<?>> q = Cli.filtered(ln.registry(registry), filters, "type__name=Sample");
      InspectResult r = q.inspect(values, field);
      PrintWriter out = spec.commandLine().getOut();
      out.println(r.validated().size() + " of " + r.nUnique() + " validated");
      r.messages().forEach(out::println);
      for (Map.Entry<String, String> e : r.synonymsMapper().entrySet()) {
        out.println("   " + e.getKey() + " → " + e.getValue());
      }
      return r.allValidated() ? 0 : 1;
    }
  }
}
