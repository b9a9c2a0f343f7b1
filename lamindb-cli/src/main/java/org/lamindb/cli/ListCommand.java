package org.lamindb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lamindb.LaminDB;
import org.lamindb.model.SQLRecord;
import org.lamindb.query.QuerySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lamin list <registry> [--filter key__startswith=raw/ ...] [--limit N] [--columns a,b |
 * --all-columns] [--format table|csv|json]}: prints the records of a registry of the current
 * instance, newest first, with the registry's default columns ({@link ListColumns}), row by row.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List records of a registry (artifact, transform, run, record, ulabel, project, ...), newest first.")
public final class ListCommand implements Callable<Integer> {

  /** Output formats. */
  public enum Format {
    /** Aligned text table. */
    table,
    /** Comma-separated values with a header row. */
    csv,
    /** A JSON array of objects. */
    json
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "<registry>",
      description =
          "Registry name as in LaminDB: artifact, transform, run, record, ulabel, project, feature, ...")
  String registry;

  @Option(
      names = {"-f", "--filter"},
      paramLabel = "<lookup=value>",
      description =
          "A filter such as key__startswith=raw/, size__gt=1000, ulabels__name=My label; repeatable,"
              + " all must hold. Lists for __in and __range are comma-separated.")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--limit",
      defaultValue = "50",
      description = "Maximum number of records (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES}" + " (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "<a,b,...>",
      description =
          "Columns to print, comma-separated: fields or related fields such as"
              + " created_by__handle, ulabels__name (default: the registry's default columns).")
  List<String> columns = new ArrayList<>();

  @Option(
      names = "--all-columns",
      description = "Print every field, including ids, foreign keys and private fields.")
  boolean allColumns;

  @Override
  public Integer call() {
    try (LaminDB ln = LaminDB.connect()) {
      QuerySet<SQLRecord<?>> q =
          Cli.filtered(ln.registry(registry), filters, "key__startswith=raw/");
      List<String> cols = ListColumns.of(q.registry(), columns, allColumns);
      List<Map<String, Object>> rows =
          q.orderBy("-id").limit(limit).values(cols.toArray(String[]::new));
      print(spec.commandLine().getOut(), RowTable.render(cols, rows, format));
      return 0;
    }
  }

  /** Writes {@code text} to {@code out} and flushes it. */
  static void print(PrintWriter out, String text) {
    out.print(text);
    out.flush();
  }
}
