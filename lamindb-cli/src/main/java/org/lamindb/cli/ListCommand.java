package org.lamindb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lamindb.LaminDB;
import org.lamindb.LaminException;
import org.lamindb.model.SQLRecord;
import org.lamindb.query.QuerySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code lamin list <registry> [--filter key__startswith=raw/ ...] [--limit N] [--format
 * table|csv|json]}: prints the records of a registry of the current instance, newest first, with
 * LaminDB's DataFrame columns.
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

  @Override
  public Integer call() {
    try (LaminDB ln = LaminDB.connect()) {
      QuerySet<SQLRecord<?>> q =
          Cli.filtered(ln.registry(registry), filters, "key__startswith=raw/");
      Table t = q.limit(limit).toDataFrame();
      print(spec.commandLine().getOut(), render(t, format));
      return 0;
    } catch (LaminException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Renders a result table.
   *
   * @param t the table
   * @param format the output format
   * @return the text, ending with a newline
   */
  static String render(Table t, Format format) {
    switch (format) {
      case csv:
        {
          StringWriter w = new StringWriter();
          t.write().csv(w);
          String s = w.toString();
          return s.endsWith("\n") ? s : s + "\n";
        }
      case json:
        return json(t) + "\n";
      default:
        if (t.rowCount() == 0) {
          return "(no records)\n";
        }
        return t.printAll() + "\n";
    }
  }

  private static String json(Table t) {
    ObjectMapper om = new ObjectMapper();
    ArrayNode arr = om.createArrayNode();
    for (int i = 0; i < t.rowCount(); i++) {
      ObjectNode o = arr.addObject();
      for (Column<?> c : t.columns()) {
        if (c.isMissing(i)) {
          o.putNull(c.name());
        } else if (c instanceof LongColumn lc) {
          o.put(c.name(), lc.getLong(i));
        } else if (c instanceof DoubleColumn dc) {
          o.put(c.name(), dc.getDouble(i));
        } else if (c instanceof BooleanColumn bc) {
          o.put(c.name(), bc.get(i));
        } else {
          o.put(c.name(), c.getString(i));
        }
      }
    }
    try {
      return om.writerWithDefaultPrettyPrinter().writeValueAsString(arr);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code text} to {@code out} and flushes it. */
  static void print(PrintWriter out, String text) {
    out.print(text);
    out.flush();
  }
}
