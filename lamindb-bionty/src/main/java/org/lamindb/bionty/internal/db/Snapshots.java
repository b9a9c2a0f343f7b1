package org.lamindb.bionty.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.lamindb.StorageException;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.internal.match.SearchRanker;
import org.lamindb.curate.Vocabulary;
import org.lamindb.spi.SqlDatabase;

/**
 * Per-instance cache of {@link Snapshot}s. A snapshot is reused while the table's fingerprint (row
 * count, highest id, latest {@code updated_at}) is unchanged, so repeated validation of large value
 * lists costs one cheap aggregate query plus hash lookups, and writes by any process are seen.
 */
public final class Snapshots {
  private final SqlDatabase db;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  private record Entry(String fingerprint, Snapshot snapshot) {}

  /**
   * @param db the instance's database
   */
  public Snapshots(SqlDatabase db) {
    this.db = db;
  }

  /**
   * @param entity the registry
   * @param field the field to match on (a column of the registry)
   * @param organismId restrict to one organism's records, or null for all
   * @return the current snapshot
   */
  public Snapshot get(BiontyEntity entity, String field, Long organismId) {
    String key = entity + "|" + field + "|" + organismId;
    try (Connection c = db.connection()) {
      String fp = fingerprint(c, entity);
      Entry e = cache.get(key);
      if (e != null && e.fingerprint().equals(fp)) {
        return e.snapshot();
      }
      Snapshot s = load(c, entity, field, organismId);
      cache.put(key, new Entry(fp, s));
      return s;
    } catch (SQLException ex) {
      throw new StorageException("cannot read " + entity.table() + ": " + ex.getMessage(), ex);
    }
  }

  /** Forgets every snapshot (after writes through this process). */
  public void invalidate() {
    cache.clear();
  }

  private static String fingerprint(Connection c, BiontyEntity e) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*), MAX(id), MAX(updated_at) FROM " + e.table());
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3);
    }
  }

  private static Snapshot load(Connection c, BiontyEntity e, String field, Long organismId)
      throws SQLException {
    String name = e.nameField();
    String oid = e.ontologyIdField().orElse(null);
    String sql =
        "SELECT id, "
            + field
            + ", "
            + name
            + ", synonyms"
            + (oid == null ? "" : ", " + oid)
            + " FROM "
            + e.table()
            + " WHERE branch_id NOT IN (-1, 0)"
            + (organismId == null ? "" : " AND organism_id = ?")
            + " ORDER BY id";
    List<Long> ids = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> synonyms = new ArrayList<>();
    List<String> ontologyIds = oid == null ? null : new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(10_000);
      if (organismId != null) {
        ps.setLong(1, organismId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          values.add(rs.getString(2));
          names.add(rs.getString(3));
          synonyms.add(rs.getString(4));
          if (ontologyIds != null) {
            ontologyIds.add(rs.getString(5));
          }
        }
      }
    }
    boolean byName = Objects.equals(field, name);
    Vocabulary v = Vocabulary.of(values, byName ? synonyms : null);
    SearchRanker.Lowered lowered =
        byName ? SearchRanker.Lowered.of(names, synonyms, ontologyIds) : null;
    return new Snapshot(List.copyOf(ids), values, names, synonyms, ontologyIds, v, lowered);
  }
}
