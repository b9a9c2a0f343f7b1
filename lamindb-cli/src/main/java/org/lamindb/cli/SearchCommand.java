package org.lamindb.cli;

import java.util.concurrent.Callable;
import org.lamindb.LaminDB;
import org.lamindb.query.QuerySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin search <registry> <text> [--limit N] [--format table|csv|json]}: ranks the records
 * of a registry by how well their text fields match, as LaminDB's {@code Registry.search()} (exact,
 * synonym, sub-phrase, prefix, word, substring; case-insensitive).
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Search a registry's text fields (name, key, description, ...), best matches first.")
public final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<registry>",
      description =
          "Registry name as in LaminDB: artifact, transform, run, record, ulabel, project, feature, ...")
  String registry;

  @Parameters(index = "1", paramLabel = "<text>", description = "The text to search for.")
  String text;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "Maximum number of results (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES}" + " (default: ${DEFAULT-VALUE}).")
  ListCommand.Format format;

  @Override
  public Integer call() {
    try (LaminDB ln = LaminDB.connect()) {
      QuerySet<?> q = ln.registry(registry).search(text).limit(limit);
      java.util.List<String> cols = ListColumns.of(q.registry(), java.util.List.of(), false);
      ListCommand.print(
          spec.commandLine().getOut(),
          RowTable.render(cols, q.values(cols.toArray(String[]::new)), format));
      return 0;
    }
  }
}
