package org.lamindb.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.lineage.LineageGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lamin lineage <key|uid>}: draw the lineage of an artifact, run or transform. */
@Command(
    mixinStandardHelpOptions = true,
    name = "lineage",
    description =
        "Draw the lineage of an artifact (key or uid), a run (uid) or a transform's latest run (key or uid).")
final class LineageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "KEY_OR_UID",
      description = "Artifact key or uid, run uid, or transform key or uid.")
  String ref;

  @Option(
      names = "--format",
      description =
          "dot, mermaid or svg (svg needs Graphviz); default: from --out's suffix, else mermaid.")
  String format;

  @Option(names = "--out", description = "Write to this file instead of standard output.")
  Path out;

  @Option(
      names = "--depth",
      defaultValue = "2147483647",
      description = "Maximal number of run hops from the focus (default: all).")
  int depth;

  @Option(
      names = "--direction",
      defaultValue = "both",
      description = "up (producers), down (consumers) or both (default).")
  String direction;

  @Override
  public Integer call() {
    if (depth < 1) {
      throw new InvalidArgumentException("--depth must be at least 1, got " + depth);
    }
    LineageGraph.Direction dir =
        switch (direction.toLowerCase(Locale.ROOT)) {
          case "up" -> LineageGraph.Direction.UP;
          case "down" -> LineageGraph.Direction.DOWN;
          case "both" -> LineageGraph.Direction.BOTH;
          default ->
              throw new InvalidArgumentException(
                  "unknown --direction '" + direction + "': use up, down or both");
        };
    LineageGraph.Format f = format(format, out);
    try (LaminDB ln = Cli.connect()) {
      LineageGraph g = ln.lineage(ref, depth, dir);
      if (out != null) {
        g.write(out, f);
        spec.commandLine()
            .getOut()
            .println(
                "→ wrote " + g.nodes().size() + " nodes, " + g.edges().size() + " edges to " + out);
      } else {
        spec.commandLine().getOut().print(g.render(f));
      }
    }
    return 0;
  }

  static LineageGraph.Format format(String name, Path out) {
    String n = name;
    if (n == null && out != null) {
      String file = out.getFileName().toString().toLowerCase(Locale.ROOT);
      n =
          file.endsWith(".svg")
              ? "svg"
              : file.endsWith(".dot") || file.endsWith(".gv") ? "dot" : "mermaid";
    }
    if (n == null) {
      return LineageGraph.Format.MERMAID;
    }
    return switch (n.toLowerCase(Locale.ROOT)) {
      case "dot" -> LineageGraph.Format.DOT;
      case "mermaid", "mmd" -> LineageGraph.Format.MERMAID;
      case "svg" -> LineageGraph.Format.SVG;
      default ->
          throw new InvalidArgumentException(
              "unknown --format '" + name + "': use dot, mermaid or svg");
    };
  }
}
