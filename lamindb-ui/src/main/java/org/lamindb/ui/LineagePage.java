package org.lamindb.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lamindb.lineage.LineageGraph;

/**
 * {@code /lineage/<uid>}: the lineage graph of an artifact, run or transform (from {@code
 * ln.lineage(..)}), drawn in the browser with cytoscape.js on a dagre layout (pan, zoom, click a
 * node to open it); {@code /lineage/<uid>/graph.json} is the graph as JSON, and the page lists the
 * nodes as links for readers without JavaScript.
 */
final class LineagePage {
  static final String CYTOSCAPE = "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js";
  static final String DAGRE = "/webjars/dagre/0.8.4/dist/dagre.min.js";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UiServer ui;

  LineagePage(UiServer ui) {
    this.ui = ui;
  }

  void register(RoutesConfig r) {
    r.get("/lineage/{uid}", this::page);
    r.get("/lineage/{uid}/graph.json", this::json);
  }

  private LineageGraph graph(Context ctx) {
    String uid = Fmt.uid(ctx, "uid");
    String d = ctx.queryParam("depth");
    int depth = Integer.MAX_VALUE;
    if (d != null && !d.isEmpty()) {
      try {
        depth = Integer.parseInt(d);
      } catch (NumberFormatException e) {
        depth = 0;
      }
      if (depth < 1) {
        throw new BadRequestResponse("depth must be a positive integer, got '" + d + "'");
      }
    }
    String dir = ctx.queryParam("direction");
    LineageGraph.Direction direction =
        dir == null || dir.isEmpty()
            ? LineageGraph.Direction.BOTH
            : switch (dir.toLowerCase(Locale.ROOT)) {
              case "up" -> LineageGraph.Direction.UP;
              case "down" -> LineageGraph.Direction.DOWN;
              case "both" -> LineageGraph.Direction.BOTH;
              default ->
                  throw new BadRequestResponse(
                      "direction must be up, down or both, got '" + dir + "'");
            };
    return ui.ln().lineage(uid, depth, direction);
  }

  static String href(LineageGraph.Node n) {
    return switch (n.kind()) {
      case "artifact" -> "/artifacts/" + n.uid();
      case "collection" -> "/collections/" + n.uid();
      case "run" -> "/runs/" + n.uid();
      case "transform" -> "/transforms/" + n.uid();
      default -> "/";
    };
  }

  private void json(Context ctx) {
    LineageGraph g = graph(ctx);
    ObjectNode root = JSON.createObjectNode();
    root.put("focus", g.focus());
    Map<String, LineageLayout.Pos> pos =
        g.nodes().size() > LineageLayout.MIN_NODES ? LineageLayout.of(g) : Map.of();
    if (!pos.isEmpty()) {
      root.put("layout", "server");
    }
    ArrayNode nodes = root.putArray("nodes");
    for (LineageGraph.Node n : g.nodes()) {
      ObjectNode o =
          nodes
              .addObject()
              .put("id", n.id())
              .put("kind", n.kind())
              .put("uid", n.uid())
              .put("label", n.label())
              .put("href", href(n));
      LineageLayout.Pos p = pos.get(n.id());
      if (p != null) {
        o.put("x", p.x()).put("y", p.y()).put("w", p.width());
      }
    }
    ArrayNode edges = root.putArray("edges");
    for (LineageGraph.Edge e : g.edges()) {
      edges.addObject().put("source", e.from()).put("target", e.to());
    }
    ctx.contentType("application/json").result(root.toString());
  }

  private void page(Context ctx) {
    LineageGraph g = graph(ctx);
    String uid = ctx.pathParam("uid");
    Html h = new Html().raw("<h1>Lineage of ").text(uid).raw("</h1>");
    h.raw("<p class=\"hint\">")
        .text(g.nodes().size())
        .raw(" nodes, ")
        .text(g.edges().size())
        .raw(" edges · scroll to zoom, drag to pan, click a node to open it · ")
        .link("/lineage/" + uid + "?direction=up", "upstream")
        .raw(" · ")
        .link("/lineage/" + uid + "?direction=down", "downstream")
        .raw("</p>");
    h.raw("<div id=\"graph\" data-src=\"/lineage/")
        .text(uid)
        .raw("/graph.json")
        .text(ctx.queryString() == null ? "" : "?" + ctx.queryString())
        .raw("\"></div>");
    h.raw("<h2>Nodes</h2><ul class=\"nodes\">");
    for (LineageGraph.Node n : g.nodes()) {
      h.raw(n.id().equals(g.focus()) ? "<li class=\"focus\">" : "<li>")
          .text(n.kind())
          .raw(": ")
          .link(href(n), n.label())
          .raw("</li>");
    }
    h.raw("</ul>");
    ctx.html(
        Layout.page(
            ui, "Lineage " + uid, h.toString(), List.of(DAGRE, CYTOSCAPE, "/static/lineage.js")));
  }
}
