package org.lamindb.bionty;

import java.util.List;
import java.util.Map;
import org.lamindb.bionty.model.BioRecord;

/** Renders a child → parents graph of records as DOT or Mermaid text. */
final class GraphText {
  private GraphText() {}

  static String render(
      Map<Long, List<Long>> graph,
      Map<Long, ? extends BioRecord<?>> records,
      long focus,
      GraphFormat format) {
    StringBuilder sb = new StringBuilder();
    boolean dot = format == GraphFormat.DOT;
    sb.append(
        dot
            ? "digraph parents {\n  rankdir=BT;\n  node [shape=box, style=rounded];\n"
            : "flowchart BT\n");
    for (Long id : graph.keySet()) {
      String label = label(records.get(id));
      if (dot) {
        sb.append("  n")
            .append(id)
            .append(" [label=\"")
            .append(label.replace("\"", "\\\""))
            .append('"')
            .append(id == focus ? ", style=\"rounded,filled\", fillcolor=\"#e8f0fe\"" : "")
            .append("];\n");
      } else {
        sb.append("  n")
            .append(id)
            .append("[\"")
            .append(label.replace("\"", "#quot;"))
            .append("\"]\n");
      }
    }
    for (Map.Entry<Long, List<Long>> e : graph.entrySet()) {
      for (Long p : e.getValue()) {
        sb.append("  n")
            .append(e.getKey())
            .append(" --")
            .append(dot ? "> " : "> ")
            .append('n')
            .append(p)
            .append(dot ? ";\n" : "\n");
      }
    }
    if (dot) {
      sb.append("}\n");
    }
    return sb.toString();
  }

  private static String label(BioRecord<?> r) {
    if (r == null) {
      return "?";
    }
    Object name = r.get(r.entity().nameField());
    Object oid = r.entity().ontologyIdField().map(r::get).orElse(null);
    return name + (oid == null ? "" : " (" + oid + ")");
  }
}
