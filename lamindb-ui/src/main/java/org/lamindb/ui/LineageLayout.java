package org.lamindb.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.lineage.LineageGraph;

/**
 * Positions of a big lineage graph, computed on the server so the browser only draws: layers by
 * longest path from the sources (top to bottom), nodes in a layer ordered by the mean position of
 * their parents, each layer centred. Linear in nodes and edges (dagre's crossing minimisation takes
 * most of a second for 500 nodes in the browser); small graphs keep dagre.
 */
final class LineageLayout {
  /** Graphs with more nodes than this are laid out here. */
  static final int MIN_NODES = 150;

  static final double NODE_SEP = 30;
  static final double RANK_SEP = 84;

  /** A node's centre and width. */
  record Pos(double x, double y, double width) {}

  private LineageLayout() {}

  /** The node width the page draws: grows with the label, at most 260 px. */
  static double width(String label) {
    return Math.min(260, 40 + 7 * (label == null ? 0 : label.length()));
  }

  static Map<String, Pos> of(LineageGraph g) {
    Map<String, Integer> index = new HashMap<>();
    List<LineageGraph.Node> nodes = g.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).id(), i);
    }
    int n = nodes.size();
    List<List<Integer>> parents = new ArrayList<>();
    List<List<Integer>> children = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parents.add(new ArrayList<>());
      children.add(new ArrayList<>());
    }
    int[] indegree = new int[n];
    for (LineageGraph.Edge e : g.edges()) {
      Integer a = index.get(e.from());
      Integer b = index.get(e.to());
      if (a != null && b != null && !a.equals(b)) {
        children.get(a).add(b);
        parents.get(b).add(a);
        indegree[b]++;
      }
    }
    int[] rank = ranks(n, children, indegree);
    int layers = 0;
    for (int r : rank) {
      layers = Math.max(layers, r + 1);
    }
    List<List<Integer>> byRank = new ArrayList<>();
    for (int r = 0; r < layers; r++) {
      byRank.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      byRank.get(rank[i]).add(i);
    }
    double[] x = new double[n];
    Map<String, Pos> out = new HashMap<>();
    for (int r = 0; r < layers; r++) {
      List<Integer> layer = byRank.get(r);
      double[] key = new double[n];
      for (int v : layer) {
        key[v] =
            parents.get(v).isEmpty()
                ? v
                : parents.get(v).stream().mapToDouble(p -> x[p]).sum() / parents.get(v).size();
      }
      layer.sort(Comparator.<Integer>comparingDouble(v -> key[v]).thenComparingInt(v -> v));
      double total = -NODE_SEP;
      for (int v : layer) {
        total += width(nodes.get(v).label()) + NODE_SEP;
      }
      double left = -total / 2;
      for (int v : layer) {
        double w = width(nodes.get(v).label());
        x[v] = left + w / 2;
        left += w + NODE_SEP;
        out.put(nodes.get(v).id(), new Pos(x[v], r * RANK_SEP, w));
      }
    }
    return out;
  }

  /** Longest-path layers in topological order; nodes on a cycle (none expected) stay in layer 0. */
  private static int[] ranks(int n, List<List<Integer>> children, int[] indegree) {
    int[] rank = new int[n];
    int[] left = indegree.clone();
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (left[i] == 0) {
        ready.add(i);
      }
    }
    while (!ready.isEmpty()) {
      int v = ready.poll();
      for (int c : children.get(v)) {
        rank[c] = Math.max(rank[c], rank[v] + 1);
        if (--left[c] == 0) {
          ready.add(c);
        }
      }
    }
    return rank;
  }
}
