package org.lamindb.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.query.TableAccessor;
import org.lamindb.query.TableCursor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/**
 * {@code lamin query <collection key|uid> "<SQL over data>" [--format csv|json]}: one SQL query
 * across all member tables of a collection (embedded DuckDB; {@code artifact_uid} says which member
 * a row comes from), streamed to standard output.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Run SQL over all tables of a collection: the view 'data' holds every member's rows",
      "plus artifact_uid, e.g. lamin query my/coll \"SELECT g, count(*) FROM data GROUP BY g\"."
    })
public final class QueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<collection>", description = "Collection key or uid.")
  String collection;

  @Parameters(index = "1", paramLabel = "<sql>", description = "A SELECT over 'data'.")
  String sql;

  @Option(
      names = "--format",
      defaultValue = "csv",
      description = "csv (default) or json (one object per line).")
  String format;

  @Option(names = "--explain", description = "Print how the query runs instead of its result.")
  boolean explain;

  @Override
  public Integer call() {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("csv") && !f.equals("json")) {
      throw new InvalidArgumentException("unknown --format '" + format + "'; use csv or json");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (LaminDB ln = Cli.connect();
        TableAccessor t = CollectionCommand.collection(ln, collection).open()) {
      if (explain) {
        out.println(t.explain(sql));
        return 0;
      }
      try (TableCursor c = t.sqlStream(sql, 8192)) {
        boolean header = true;
        while (c.hasNext()) {
          Table batch = c.next();
          if (f.equals("csv")) {
            if (header) {
              out.println(
                  String.join(",", batch.columnNames().stream().map(QueryCommand::csv).toList()));
              header = false;
            }
            for (int r = 0; r < batch.rowCount(); r++) {
              StringBuilder sb = new StringBuilder();
              for (int i = 0; i < batch.columnCount(); i++) {
                sb.append(i == 0 ? "" : ",")
                    .append(batch.column(i).isMissing(r) ? "" : csv(batch.getString(r, i)));
              }
              out.println(sb);
            }
          } else {
            for (int r = 0; r < batch.rowCount(); r++) {
              StringBuilder sb = new StringBuilder("{");
              for (int i = 0; i < batch.columnCount(); i++) {
                sb.append(i == 0 ? "" : ", ").append(json(batch.column(i).name())).append(": ");
                Object v = batch.column(i).isMissing(r) ? null : batch.column(i).get(r);
                sb.append(
                    v == null
                        ? "null"
                        : v instanceof Number || v instanceof Boolean
                            ? String.valueOf(v)
                            : json(String.valueOf(v)));
              }
              out.println(sb.append('}'));
            }
          }
        }
      }
    }
    out.flush();
    return 0;
  }

  private static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
