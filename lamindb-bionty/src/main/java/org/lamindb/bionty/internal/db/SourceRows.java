package org.lamindb.bionty.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.DefaultSources;
import org.lamindb.bionty.SourceInfo;

/** Reads and writes {@code bionty_source} rows with plain JDBC inside the caller's transaction. */
public final class SourceRows {
  private SourceRows() {}

  /**
   * Inserts LaminDB's default sources when the table is empty (what lamindb-setup does on instance
   * init); the first source per registry and organism is marked currently used.
   *
   * @return number of rows inserted
   */
  public static int seedDefaults(Connection c, Tracking t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bionty_source");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(1) > 0) {
        return 0;
      }
    }
    Set<String> seen = new HashSet<>();
    int n = 0;
    for (SourceInfo s : DefaultSources.all()) {
      boolean current = seen.add(s.entity() + "/" + s.organism());
      insert(c, t, s, current);
      n++;
    }
    return n;
  }

  /**
   * @return the id of the row for {@code s}, inserting it (not currently used) when missing
   */
  public static long ensure(Connection c, Tracking t, SourceInfo s) throws SQLException {
    Optional<Long> id = idOf(c, s.uid());
    return id.isPresent() ? id.get() : insert(c, t, s, false);
  }

  /**
   * @return the id of the source row with {@code uid}
   */
  public static Optional<Long> idOf(Connection c, String uid) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM bionty_source WHERE uid = ?")) {
      ps.setString(1, uid);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /**
   * The source a registry currently uses for {@code organism} (or {@code all}, any when null).
   *
   * @return name, organism, version and url of that row
   */
  public static Optional<SourceInfo> currentlyUsed(Connection c, BiontyEntity e, String organism)
      throws SQLException {
    String sql =
        "SELECT name, organism, version, url, description, source_website FROM bionty_source"
            + " WHERE entity = ? AND currently_used = ?"
            + (organism == null ? "" : " AND organism = ?")
            + " ORDER BY id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, e.registryName());
      ps.setBoolean(2, true);
      if (organism != null) {
        ps.setString(3, organism);
      }
      try (ResultSet rs = ps.executeQuery()) {
        SourceInfo first = null;
        while (rs.next()) {
          SourceInfo s =
              new SourceInfo(
                  e,
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6));
          if (first == null) {
            first = s;
          }
          if (organism != null || "all".equals(s.organism())) {
            return Optional.of(s);
          }
        }
        return Optional.ofNullable(first);
      }
    }
  }

  /**
   * Marks {@code sourceId} as imported and currently used, and the other versions of the same
   * source (entity, name, organism) as not currently used.
   */
  public static void markImported(Connection c, long sourceId, SourceInfo s, Tracking t)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE bionty_source SET currently_used = ?,"
                + " updated_at = ? WHERE entity = ? AND name = ? AND organism = ? AND id <> ?")) {
      ps.setBoolean(1, false);
      ps.setObject(2, t.now());
      ps.setString(3, s.entity().registryName());
      ps.setString(4, s.name());
      ps.setString(5, s.organism());
      ps.setLong(6, sourceId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE bionty_source SET in_db = ?, currently_used = ?, updated_at = ? WHERE id = ?")) {
      ps.setBoolean(1, true);
      ps.setBoolean(2, true);
      ps.setObject(3, t.now());
      ps.setLong(4, sourceId);
      ps.executeUpdate();
    }
  }

  /**
   * Adds or updates the row of {@code s} (its URL, description and website) and makes it the source
   * currently used for its registry and organism: every other row of the same registry and organism
   * stops being currently used.
   *
   * @return the row id
   */
  public static long syncCurrent(Connection c, Tracking t, SourceInfo s) throws SQLException {
    Optional<Long> existing = idOf(c, s.uid());
    long id;
    if (existing.isPresent()) {
      id = existing.get();
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE bionty_source SET url = ?, description = ?, source_website = ?,"
                  + " updated_at = ? WHERE id = ?")) {
        ps.setString(1, s.url());
        ps.setString(2, s.description());
        ps.setString(3, s.website());
        ps.setObject(4, t.now());
        ps.setLong(5, id);
        ps.executeUpdate();
      }
    } else {
      id = insert(c, t, s, false);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE bionty_source SET currently_used = CASE WHEN id = ? THEN ? ELSE ? END,"
                + " updated_at = ? WHERE entity = ? AND organism = ?"
                + " AND (currently_used = ? OR id = ?)")) {
      ps.setLong(1, id);
      ps.setBoolean(2, true);
      ps.setBoolean(3, false);
      ps.setObject(4, t.now());
      ps.setString(5, s.entity().registryName());
      ps.setString(6, s.organism());
      ps.setBoolean(7, true);
      ps.setLong(8, id);
      ps.executeUpdate();
    }
    return id;
  }

  private static long insert(Connection c, Tracking t, SourceInfo s, boolean current)
      throws SQLException {
    String sql =
        "INSERT INTO bionty_source (uid, entity, organism, name, version, in_db,"
            + " currently_used, description, url, source_website, created_at, updated_at, created_by_id,"
            + " run_id, branch_id, created_on_id, space_id, is_locked) VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, s.uid());
      ps.setString(2, s.entity().registryName());
      ps.setString(3, s.organism());
      ps.setString(4, s.name());
      ps.setString(5, s.version());
      ps.setBoolean(6, false);
      ps.setBoolean(7, current);
      ps.setString(8, s.description());
      ps.setString(9, s.url());
      ps.setString(10, s.website());
      t.bindTracking(ps, 11);
      ps.executeUpdate();
    }
    return idOf(c, s.uid()).orElseThrow();
  }
}
