package org.lamindb.bionty.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lamindb.StorageException;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.SqlDatabase;

/**
 * Reads the {@code _parents} links of a registry: direct parents and children, and the ancestor
 * graph.
 */
public final class Hierarchy {
  private final SqlDatabase db;
  private final BiontyEntity entity;

  /**
   * @param db the database
   * @param entity a registry with parents
   */
  public Hierarchy(SqlDatabase db, BiontyEntity entity) {
    this.db = db;
    this.entity = entity;
  }

  /**
   * @return ids of the direct parents of record {@code id}
   */
  public List<Long> parents(long id) {
    return step(List.of(id), true).getOrDefault(id, List.of());
  }

  /**
   * @return ids of the direct children of record {@code id}
   */
  public List<Long> children(long id) {
    return step(List.of(id), false).getOrDefault(id, List.of());
  }

  /**
   * Walks up from {@code id} breadth-first, one query per level.
   *
   * @return child id to its parent ids, for {@code id} and every ancestor (insertion order = BFS
   *     order)
   */
  public Map<Long, List<Long>> ancestorGraph(long id) {
    Map<Long, List<Long>> graph = new LinkedHashMap<>();
    Set<Long> visited = new LinkedHashSet<>();
    Deque<Long> frontier = new ArrayDeque<>(List.of(id));
    visited.add(id);
    while (!frontier.isEmpty()) {
      List<Long> level = new ArrayList<>(frontier);
      frontier.clear();
      Map<Long, List<Long>> up = step(level, true);
      for (Long child : level) {
        List<Long> ps = up.getOrDefault(child, List.of());
        graph.put(child, ps);
        for (Long p : ps) {
          if (visited.add(p)) {
            frontier.add(p);
          }
        }
      }
    }
    return graph;
  }

  private Map<Long, List<Long>> step(List<Long> ids, boolean up) {
    String m = entity.modelName();
    String from = up ? "from_" + m + "_id" : "to_" + m + "_id";
    String to = up ? "to_" + m + "_id" : "from_" + m + "_id";
    Map<Long, List<Long>> out = new LinkedHashMap<>();
    try (Connection c = db.connection()) {
      for (int start = 0; start < ids.size(); start += 500) {
        List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + 500));
        String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + from
                    + ", "
                    + to
                    + " FROM "
                    + entity.table()
                    + "_parents WHERE "
                    + from
                    + " IN ("
                    + in
                    + ") ORDER BY id")) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StorageException(
          "cannot read " + entity.table() + "_parents: " + e.getMessage(), e);
    }
    return out;
  }
}
