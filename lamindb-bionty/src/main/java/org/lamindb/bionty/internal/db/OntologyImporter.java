package org.lamindb.bionty.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.BiontyUids;
import org.lamindb.bionty.OntologyTerm;

/**
 * Writes a stream of ontology terms into one registry table with batched statements, inside the
 * caller's transaction: records whose ontology id already exists are updated in place (so their
 * ids, artifact links and annotations stay), new ones are inserted, then the parent links of every
 * imported record are replaced by the source's. Records the stream does not mention keep their
 * links, so a partial import (a few terms and their ancestors) leaves the rest of the hierarchy
 * alone.
 */
public final class OntologyImporter implements Consumer<OntologyTerm>, AutoCloseable {
  private static final int BATCH = 2000;

  private final Connection c;
  private final BiontyEntity entity;
  private final long sourceId;
  private final Tracking tracking;
  private final Map<String, Long> existing;
  private final Set<String> seen = new HashSet<>();
  private final List<String> edgeChild = new ArrayList<>();
  private final List<String> edgeParent = new ArrayList<>();
  private final BulkRows insert;
  private final Object[] trackingValues;
  private final PreparedStatement update;
  private int pendingUpdates;
  private long inserted;
  private long updated;

  /**
   * @param c a connection in a transaction
   * @param entity the registry to write
   * @param sourceId the {@code bionty_source} row of the imported source
   * @param tracking creator, run, branch and space of new rows
   */
  public OntologyImporter(Connection c, BiontyEntity entity, long sourceId, Tracking tracking)
      throws SQLException {
    this.c = c;
    this.entity = entity;
    this.sourceId = sourceId;
    this.tracking = tracking;
    this.existing = ids(c, entity);
    String t = entity.table();
    List<String> cols =
        new ArrayList<>(
            List.of("uid", "name", "ontology_id", "synonyms", "description", "source_id"));
    cols.addAll(Tracking.columns());
    this.insert = BulkRows.open(c, tracking.db().dialect(), t, cols);
    this.trackingValues = tracking.values();
    this.update =
        c.prepareStatement(
            "UPDATE "
                + t
                + " SET name = ?, synonyms = ?, description = ?,"
                + " source_id = ?, updated_at = ? WHERE id = ?");
  }

  /**
   * @return ontology id to row id of every record of {@code entity} that has an ontology id
   */
  static Map<String, Long> ids(Connection c, BiontyEntity entity) throws SQLException {
    Map<String, Long> m = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT ontology_id, id FROM "
                    + entity.table()
                    + " WHERE ontology_id IS NOT NULL")) {
      while (rs.next()) {
        m.putIfAbsent(rs.getString(1), rs.getLong(2));
      }
    }
    return m;
  }

  @Override
  public void accept(OntologyTerm term) {
    if (!seen.add(term.ontologyId())) {
      return; // a file listing a term twice: the first wins
    }
    try {
      Long id = existing.get(term.ontologyId());
      if (id == null) {
        Object[] row = new Object[6 + trackingValues.length];
        row[0] = BiontyUids.ofOntologyRecord(term.ontologyId());
        row[1] = term.name();
        row[2] = term.ontologyId();
        row[3] = term.synonymsColumn();
        row[4] = term.description();
        row[5] = sourceId;
        System.arraycopy(trackingValues, 0, row, 6, trackingValues.length);
        insert.add(row);
        inserted++;
      } else {
        update.setString(1, term.name());
        update.setString(2, term.synonymsColumn());
        update.setString(3, term.description());
        update.setLong(4, sourceId);
        update.setObject(5, tracking.now());
        update.setLong(6, id);
        update.addBatch();
        updated++;
        if (++pendingUpdates >= BATCH) {
          update.executeBatch();
          pendingUpdates = 0;
        }
      }
      for (String p : term.parents()) {
        edgeChild.add(term.ontologyId());
        edgeParent.add(p);
      }
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /**
   * Flushes pending rows and replaces the parent links of the imported records.
   *
   * @return the number of parent links written
   */
  public long finish() throws SQLException {
    insert.flush();
    if (pendingUpdates > 0) {
      update.executeBatch();
    }
    if (!entity.hasParents()) {
      return 0;
    }
    Map<String, Long> all = ids(c, entity);
    String m = entity.modelName();
    String p = entity.table() + "_parents";
    // replace the links of records that existed before this import (new records have none yet)
    try (PreparedStatement del =
        c.prepareStatement("DELETE FROM " + p + " WHERE from_" + m + "_id = ?")) {
      int pending = 0;
      for (String oid : seen) {
        Long id = existing.get(oid);
        if (id != null) {
          del.setLong(1, id);
          del.addBatch();
          if (++pending >= BATCH) {
            del.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        del.executeBatch();
      }
    }
    long links = 0;
    Set<Long> pairs = new HashSet<>();
    try (BulkRows ins =
        BulkRows.open(
            c, tracking.db().dialect(), p, List.of("from_" + m + "_id", "to_" + m + "_id"))) {
      for (int i = 0; i < edgeChild.size(); i++) {
        Long child = all.get(edgeChild.get(i));
        Long parent = all.get(edgeParent.get(i));
        if (child == null || parent == null || child.equals(parent)) {
          continue; // the parent is not a record of this registry (obsolete or another ontology)
        }
        if (!pairs.add((child << 32) | parent)) {
          continue; // ids stay far below 2^32, so the packed pair is exact
        }
        ins.add(child, parent);
        links++;
      }
      ins.flush();
    }
    return links;
  }

  /**
   * @return records inserted so far
   */
  public long inserted() {
    return inserted;
  }

  /**
   * @return records updated so far
   */
  public long updated() {
    return updated;
  }

  @Override
  public void close() throws SQLException {
    insert.close();
    update.close();
  }

  /** Carries an SQLException out of the parse callback. */
  public static final class SqlFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SqlFailure(SQLException cause) {
      super(cause);
    }

    /**
     * @return the SQL error
     */
    public SQLException sqlException() {
      return (SQLException) getCause();
    }
  }
}
