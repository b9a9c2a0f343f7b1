package org.lamindb.lineage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.lamindb.StorageException;
import org.lamindb.TrackingException;

/**
 * A data-lineage graph as LaminDB's {@code view_lineage} draws it (spec §5.7): datasets (artifacts,
 * collections) and the runs that read and wrote them, each run labelled with its transform. Render
 * it as Graphviz DOT, Mermaid or SVG (SVG needs Graphviz {@code dot} on the PATH).
 *
 * <pre>{@code
 * LineageGraph g = ln.artifacts().get("key", "sample.fasta").viewLineage();
 * Files.writeString(Path.of("lineage.mmd"), g.toMermaid());
 * g.write(Path.of("lineage.svg"), LineageGraph.Format.SVG);
 * }</pre>
 */
public final class LineageGraph {
  /** Which way to walk from the focus. */
  public enum Direction {
    /** Producers of the focus, their inputs, their producers, ... */
    UP,
    /** Runs that used the focus, their outputs, ... */
    DOWN,
    /** Both. */
    BOTH
  }

  /** Output formats. */
  public enum Format {
    /** Graphviz DOT text. */
    DOT,
    /** Mermaid flowchart text (renders in GitHub/GitLab markdown). */
    MERMAID,
    /** SVG drawn by Graphviz {@code dot}. */
    SVG
  }

  /**
   * A node.
   *
   * @param id node id {@code <model>_<uid>}, e.g. {@code artifact_AbC...0000}
   * @param kind {@code artifact}, {@code collection}, {@code run} or {@code transform}
   * @param uid the record's uid
   * @param label what is shown: a key (or uid) for data, {@code <transform key>[: entrypoint]} and
   *     start time for runs
   */
  public record Node(String id, String kind, String uid, String label) {}

  /**
   * A directed edge: input → run or run → output.
   *
   * @param from node id
   * @param to node id
   */
  public record Edge(String from, String to) {}

  private final String focus;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Set<Edge> edges = new LinkedHashSet<>();

  /**
   * @param focus id of the node the graph was drawn for
   */
  public LineageGraph(String focus) {
    this.focus = focus;
  }

  /** Adds a node (once per id). */
  public void addNode(Node n) {
    nodes.putIfAbsent(n.id(), n);
  }

  /** Adds an edge between two added nodes. */
  public void addEdge(String from, String to) {
    edges.add(new Edge(from, to));
  }

  /**
   * @return id of the focus node
   */
  public String focus() {
    return focus;
  }

  /**
   * @return the nodes in the order they were found
   */
  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  /**
   * @return the edges
   */
  public List<Edge> edges() {
    return new ArrayList<>(edges);
  }

  /**
   * @return the node with {@code id}, or null
   */
  public Node node(String id) {
    return nodes.get(id);
  }

  /**
   * @return Graphviz DOT: run nodes filled violet, data nodes white, rounded boxes, the focus bold
   */
  public String toDot() {
    StringBuilder s = new StringBuilder("digraph lineage {\n");
    s.append("  graph [rankdir=TB];\n");
    s.append(
        "  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\", fontsize=10];\n");
    s.append("  edge [arrowsize=0.5];\n");
    for (Node n : nodes.values()) {
      s.append("  ").append(n.id()).append(" [label=\"").append(dotEscape(n.label())).append('"');
      if (n.kind().equals("run")) {
        s.append(", fillcolor=\"#e9d5ff\"");
      }
      if (n.id().equals(focus)) {
        s.append(", penwidth=2");
      }
      s.append("];\n");
    }
    for (Edge e : edges) {
      s.append("  ").append(e.from()).append(" -> ").append(e.to()).append(";\n");
    }
    return s.append("}\n").toString();
  }

  /**
   * @return a Mermaid flowchart
   */
  public String toMermaid() {
    StringBuilder s = new StringBuilder("flowchart TD\n");
    for (Node n : nodes.values()) {
      s.append("  ").append(n.id()).append("[\"").append(mermaidEscape(n.label())).append("\"]");
      if (n.kind().equals("run")) {
        s.append(":::run");
      } else if (n.id().equals(focus)) {
        s.append(":::focus");
      }
      s.append('\n');
    }
    for (Edge e : edges) {
      s.append("  ").append(e.from()).append(" --> ").append(e.to()).append('\n');
    }
    s.append("  classDef run fill:#e9d5ff,stroke:#7c3aed\n");
    s.append("  classDef focus stroke-width:3px\n");
    return s.toString();
  }

  /**
   * @return the graph drawn as SVG by Graphviz {@code dot} (the command can be set with {@code
   *     LAMIN_GRAPHVIZ_DOT})
   * @throws TrackingException when Graphviz is not installed
   */
  public String toSvg() {
    String dot = dotCommand();
    Process p;
    try {
      p = new ProcessBuilder(dot, "-Tsvg").redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new TrackingException(
          "Graphviz `dot` is not installed (tried '"
              + dot
              + "'): install it (e.g. `apt-get install graphviz`) to"
              + " draw SVG, or use the DOT or Mermaid format",
          e);
    }
    try (OutputStream in = p.getOutputStream()) {
      in.write(toDot().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      p.destroyForcibly();
      throw new StorageException("cannot send the graph to Graphviz: " + e.getMessage(), e);
    }
    try {
      byte[] out = readAll(p.getInputStream());
      byte[] err = readAll(p.getErrorStream());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new TrackingException(
            "Graphviz `dot` failed: " + new String(err, StandardCharsets.UTF_8).strip());
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StorageException("cannot read Graphviz output: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrackingException("interrupted while Graphviz was drawing", e);
    }
  }

  /**
   * @return the graph in {@code format}
   */
  public String render(Format format) {
    return switch (format) {
      case DOT -> toDot();
      case MERMAID -> toMermaid();
      case SVG -> toSvg();
    };
  }

  /** Writes the graph in {@code format} to {@code file}. */
  public void write(Path file, Format format) {
    try {
      Files.writeString(file, render(format), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StorageException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return true when Graphviz {@code dot} can be started
   */
  public static boolean graphvizAvailable() {
    try {
      Process p = new ProcessBuilder(dotCommand(), "-V").redirectErrorStream(true).start();
      readAll(p.getInputStream());
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String dotCommand() {
    String c = System.getProperty("lamindb.graphviz.dot", System.getenv("LAMIN_GRAPHVIZ_DOT"));
    return c == null || c.isBlank() ? "dot" : c;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    in.transferTo(b);
    return b.toByteArray();
  }

  private static String dotEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String mermaidEscape(String s) {
    return s.replace("\"", "#quot;").replace("\n", "<br/>");
  }

  @Override
  public String toString() {
    return toMermaid();
  }
}
