// lamin ui: draws /lineage/<uid>/graph.json with cytoscape.js, top to bottom; positions from dagre, or from
// the server for big graphs.
(function () {
  var el = document.getElementById("graph");
  if (!el || !window.cytoscape || !window.dagre) { return; }
  function now() { return window.performance ? performance.now() : Date.now(); }
  var t0 = now();
  fetch(el.getAttribute("data-src"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (g) {
      var tFetched = now();
      // big graphs: straight edges, labels only when readable, no edges while panning
      var big = g.nodes.length > 150;
      // big graphs come with positions from the server (LineageLayout); small ones use dagre
      var pos = {};
      if (g.layout === "server") {
        g.nodes.forEach(function (n) { pos[n.id] = { x: n.x, y: n.y, width: n.w }; });
      } else {
        var d = new dagre.graphlib.Graph();
        d.setGraph({ rankdir: "TB", nodesep: 30, ranksep: 50 });
        d.setDefaultEdgeLabel(function () { return {}; });
        g.nodes.forEach(function (n) {
          d.setNode(n.id, { width: Math.min(260, 40 + 7 * n.label.length), height: 34 });
        });
        g.edges.forEach(function (e) { d.setEdge(e.source, e.target); });
        dagre.layout(d);
        g.nodes.forEach(function (n) { pos[n.id] = d.node(n.id); });
      }
      var tLaid = now();
      var elements = g.nodes.map(function (n) {
        var p = pos[n.id];
        return { group: "nodes", data: { id: n.id, label: n.label, kind: n.kind, href: n.href,
          focus: n.id === g.focus ? 1 : 0, w: p.width }, position: { x: p.x, y: p.y } };
      }).concat(g.edges.map(function (e, i) {
        return { group: "edges", data: { id: "e" + i, source: e.source, target: e.target } };
      }));
      var cy = cytoscape({
        container: el, elements: elements, layout: { name: "preset" }, wheelSensitivity: 0.3,
        hideEdgesOnViewport: big, textureOnViewport: big, pixelRatio: big ? 1 : "auto",
        style: [
          { selector: "node", style: { shape: "round-rectangle", label: "data(label)", "font-size": 10,
            "text-valign": "center", "text-halign": "center", "text-wrap": "ellipsis", "text-max-width": "data(w)",
            "min-zoomed-font-size": big ? 7 : 0,
            width: "data(w)", height: 30, "background-color": "#ffffff", "border-width": 1, "border-color": "#6b7280" } },
          { selector: "node[kind = 'run']", style: { "background-color": "#e9d5ff" } },
          { selector: "node[focus = 1]", style: { "border-width": 3, "border-color": "#6d28d9" } },
          { selector: "edge", style: { width: 1, "line-color": "#9ca3af", "target-arrow-color": "#9ca3af",
            "target-arrow-shape": "triangle", "curve-style": big ? "straight" : "bezier", "arrow-scale": 0.8 } }
        ]
      });
      cy.on("tap", "node", function (evt) { window.location.href = evt.target.data("href"); });
      cy.ready(function () {
        // fetch + layout + first frame drawn, read by BrowserTest (and visible in the page's DOM)
        requestAnimationFrame(function () {
          requestAnimationFrame(function () {
            var t1 = now();
            el.setAttribute("data-render-ms", String(Math.round(t1 - t0)));
            el.setAttribute("data-timing", "fetch " + Math.round(tFetched - t0) + " ms, layout "
              + Math.round(tLaid - tFetched) + " ms, draw " + Math.round(t1 - tLaid) + " ms; "
              + Math.round(t1) + " ms since navigation start");
            el.setAttribute("data-ready", String(g.nodes.length));
          });
        });
      });
    });
})();
