package org.lamindb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lamindb.lineage.LineageGraph;

/** Server-side positions of big lineage graphs: layers top to bottom, no overlaps in a layer. */
class LineageLayoutTest {
  @Test
  void layersFollowEdgesAndNodesInALayerDoNotOverlap() {
    LineageGraph g = new LineageGraph("artifact_seed");
    g.addNode(new LineageGraph.Node("artifact_seed", "artifact", "seed", "seed.txt"));
    g.addNode(new LineageGraph.Node("run_r", "run", "r", "fanout.sh"));
    g.addEdge("artifact_seed", "run_r");
    for (int i = 0; i < 200; i++) {
      String id = "artifact_p" + i;
      g.addNode(new LineageGraph.Node(id, "artifact", "p" + i, "parts/p" + i + ".txt"));
      g.addEdge("run_r", id);
    }
    // a longer path into one part: the part sits below the longest chain
    g.addNode(new LineageGraph.Node("run_s", "run", "s", "other.sh"));
    g.addEdge("artifact_seed", "run_s");
    g.addNode(new LineageGraph.Node("artifact_mid", "artifact", "mid", "mid.txt"));
    g.addEdge("run_s", "artifact_mid");
    g.addNode(new LineageGraph.Node("run_t", "run", "t", "late.sh"));
    g.addEdge("artifact_mid", "run_t");
    g.addEdge("run_t", "artifact_p7");

    Map<String, LineageLayout.Pos> pos = LineageLayout.of(g);
    assertThat(pos).hasSize(g.nodes().size());
    for (LineageGraph.Edge e : g.edges()) {
      assertThat(pos.get(e.to()).y()).as(e.toString()).isGreaterThan(pos.get(e.from()).y());
    }
    assertThat(pos.get("artifact_p7").y()).isGreaterThan(pos.get("artifact_p8").y());
    var layer =
        pos.values().stream()
            .filter(p -> p.y() == pos.get("artifact_p8").y())
            .sorted(java.util.Comparator.comparingDouble(LineageLayout.Pos::x))
            .toList();
    assertThat(layer.size()).isGreaterThan(150);
    for (int i = 1; i < layer.size(); i++) {
      var a = layer.get(i - 1);
      var b = layer.get(i);
      assertThat(b.x() - b.width() / 2).isGreaterThanOrEqualTo(a.x() + a.width() / 2);
    }
    assertThat(LineageLayout.width("parts/p1.txt")).isEqualTo(40 + 7 * 12);
  }
}
