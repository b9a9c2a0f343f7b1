package org.lamindb.bionty.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.lamindb.bionty.BiontyUids;
import org.lamindb.bionty.GeneEntry;

/**
 * Writes a stream of genes into {@code bionty_gene} with batched statements inside the caller's
 * transaction: genes whose Ensembl id exists are updated in place (keeping ids and links), others
 * inserted.
 */
public final class GeneImporter implements Consumer<GeneEntry>, AutoCloseable {
  private static final int BATCH = 2000;

  private final long sourceId;
  private final long organismId;
  private final Tracking tracking;
  private final Map<String, Long> existing = new HashMap<>();
  private final Set<String> seen = new HashSet<>();
  private final BulkRows insert;
  private final Object[] trackingValues;
  private final PreparedStatement update;
  private int pendingUpdates;
  private long inserted;
  private long updated;

  /**
   * @param c a connection in a transaction
   * @param sourceId the {@code bionty_source} row
   * @param organismId the {@code bionty_organism} row of the genes
   * @param tracking creator, run, branch and space of new rows
   */
  public GeneImporter(Connection c, long sourceId, long organismId, Tracking tracking)
      throws SQLException {
    this.sourceId = sourceId;
    this.organismId = organismId;
    this.tracking = tracking;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT ensembl_gene_id, id FROM bionty_gene WHERE ensembl_gene_id IS NOT NULL")) {
      while (rs.next()) {
        existing.put(rs.getString(1), rs.getLong(2));
      }
    }
    java.util.List<String> cols =
        new java.util.ArrayList<>(
            java.util.List.of(
                "uid",
                "symbol",
                "ensembl_gene_id",
                "ncbi_gene_ids",
                "biotype",
                "synonyms",
                "description",
                "source_id",
                "organism_id"));
    cols.addAll(Tracking.columns());
    this.insert = BulkRows.open(c, tracking.db().dialect(), "bionty_gene", cols);
    this.trackingValues = tracking.values();
    this.update =
        c.prepareStatement(
            "UPDATE bionty_gene SET symbol = ?, ncbi_gene_ids = ?,"
                + " biotype = ?, synonyms = ?, description = ?, source_id = ?, organism_id = ?,"
                + " updated_at = ? WHERE id = ?");
  }

  @Override
  public void accept(GeneEntry g) {
    if (!seen.add(g.ensemblGeneId())) {
      return;
    }
    try {
      Long id = existing.get(g.ensemblGeneId());
      if (id == null) {
        Object[] row = new Object[9 + trackingValues.length];
        row[0] = BiontyUids.ofGene(g.ensemblGeneId(), null, g.symbol(), null);
        row[1] = g.symbol();
        row[2] = g.ensemblGeneId();
        row[3] = g.ncbiGeneIdsColumn();
        row[4] = g.biotype();
        row[5] = g.synonymsColumn();
        row[6] = g.description();
        row[7] = sourceId;
        row[8] = organismId;
        System.arraycopy(trackingValues, 0, row, 9, trackingValues.length);
        insert.add(row);
        inserted++;
        return;
      }
      PreparedStatement ps = update;
      int i = 1;
      ps.setString(i++, g.symbol());
      ps.setString(i++, g.ncbiGeneIdsColumn());
      ps.setString(i++, g.biotype());
      ps.setString(i++, g.synonymsColumn());
      ps.setString(i++, g.description());
      ps.setLong(i++, sourceId);
      ps.setLong(i++, organismId);
      ps.setObject(i++, tracking.now());
      ps.setLong(i, id);
      updated++;
      pendingUpdates++;
      ps.addBatch();
      if (pendingUpdates >= BATCH) {
        update.executeBatch();
        pendingUpdates = 0;
      }
    } catch (SQLException e) {
      throw new OntologyImporter.SqlFailure(e);
    }
  }

  /** Flushes pending rows. */
  public void finish() throws SQLException {
    insert.flush();
    if (pendingUpdates > 0) {
      update.executeBatch();
    }
  }

  /**
   * @return genes inserted
   */
  public long inserted() {
    return inserted;
  }

  /**
   * @return genes updated
   */
  public long updated() {
    return updated;
  }

  @Override
  public void close() throws SQLException {
    insert.close();
    update.close();
  }
}
