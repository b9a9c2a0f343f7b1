package org.lamindb.bionty.internal.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.lamindb.IntegrityException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.ImportReport;
import org.lamindb.bionty.OntologyFiles;
import org.lamindb.bionty.OntologyTerm;
import org.lamindb.bionty.SourceInfo;
import org.lamindb.bionty.internal.parse.GeneTableParser;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.SqlDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an import of one source file into one registry in a single transaction: the Source row, all
 * records (batched), the parent links and the Source flags commit together, or nothing does.
 */
public final class SourceImports {
  private static final Logger LOG = LoggerFactory.getLogger(SourceImports.class);

  /** SQLite page cache during imports: 64 MiB (as a negative KiB count). */
  private static final long IMPORT_CACHE_KIB = -65_536;

  private SourceImports() {}

  /** Work inside the import transaction. */
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Imports an ontology file into {@code entity}'s registry.
   *
   * @param db the database
   * @param tracking creator, run, branch and space of new rows
   * @param entity the registry
   * @param file the source file
   * @param source the Source the file is a version of
   * @return the report
   */
  public static ImportReport importOntology(
      SqlDatabase db, Tracking tracking, BiontyEntity entity, Path file, SourceInfo source) {
    long t0 = System.nanoTime();
    LOG.info(
        "importing {} records from {}, {}", entity.className(), source.name(), source.version());
    return inTransaction(
        db,
        entity,
        c -> {
          long sourceId = SourceRows.ensure(c, tracking, source);
          OntologyFiles.ReadSummary read;
          long links;
          long inserted;
          long updated;
          try (OntologyImporter imp = new OntologyImporter(c, entity, sourceId, tracking)) {
            read = OntologyFiles.readTerms(file, entity, source.name(), imp);
            if (read.kept() == 0) {
              throw new InvalidArgumentException(
                  "No valid records to add! "
                      + file
                      + " has no "
                      + "non-obsolete terms with the id prefix of source '"
                      + source.name()
                      + "'");
            }
            links = imp.finish();
            inserted = imp.inserted();
            updated = imp.updated();
          }
          SourceRows.markImported(c, sourceId, source, tracking);
          ImportReport r =
              new ImportReport(
                  entity.registryName(),
                  source.name() + " " + source.version(),
                  inserted,
                  updated,
                  links,
                  read.droppedObsolete(),
                  (System.nanoTime() - t0) / 1_000_000);
          LOG.info("{}", r);
          return r;
        });
  }

  /**
   * Writes some terms of a source (e.g. records chosen with {@code fromValues} plus their
   * ancestors) in one transaction; the Source row is created if needed but not marked as fully
   * imported.
   *
   * @return the report
   */
  public static ImportReport importSome(
      SqlDatabase db,
      Tracking tracking,
      BiontyEntity entity,
      Iterable<OntologyTerm> terms,
      SourceInfo source) {
    long t0 = System.nanoTime();
    return inTransaction(
        db,
        entity,
        c -> {
          long sourceId = SourceRows.ensure(c, tracking, source);
          try (OntologyImporter imp = new OntologyImporter(c, entity, sourceId, tracking)) {
            terms.forEach(imp);
            long links = imp.finish();
            return new ImportReport(
                entity.registryName(),
                source.name() + " " + source.version(),
                imp.inserted(),
                imp.updated(),
                links,
                0,
                (System.nanoTime() - t0) / 1_000_000);
          }
        });
  }

  /**
   * Imports a gene table (with optional HGNC synonyms) into {@code bionty_gene}.
   *
   * @param organismId the organism row of the genes
   * @return the report
   */
  public static ImportReport importGenes(
      SqlDatabase db,
      Tracking tracking,
      Path genes,
      Path hgnc,
      SourceInfo source,
      long organismId) {
    long t0 = System.nanoTime();
    LOG.info(
        "importing Gene records from {}, {} ({})",
        source.name(),
        source.version(),
        source.organism());
    return inTransaction(
        db,
        BiontyEntity.GENE,
        c -> {
          long sourceId = SourceRows.ensure(c, tracking, source);
          try (GeneImporter imp = new GeneImporter(c, sourceId, organismId, tracking)) {
            long n = new GeneTableParser().parse(genes, hgnc, imp);
            if (n == 0) {
              throw new InvalidArgumentException(
                  "No valid records to add! " + genes + " has no genes");
            }
            imp.finish();
            SourceRows.markImported(c, sourceId, source, tracking);
            ImportReport r =
                new ImportReport(
                    "bionty.Gene",
                    source.name() + " " + source.version(),
                    imp.inserted(),
                    imp.updated(),
                    0,
                    0,
                    (System.nanoTime() - t0) / 1_000_000);
            LOG.info("{}", r);
            return r;
          }
        });
  }

  /**
   * Imports a table-shaped source (parquet/CSV/TSV) into Gene, Protein, CellMarker or Organism.
   *
   * @param organismId the organism of the rows; null for Organism
   * @param organismName its name, or null
   * @return the report
   */
  public static ImportReport importTable(
      SqlDatabase db,
      Tracking tracking,
      BiontyEntity entity,
      Path file,
      SourceInfo source,
      Long organismId,
      String organismName) {
    long t0 = System.nanoTime();
    LOG.info(
        "importing {} records from {}, {} ({})",
        entity.className(),
        source.name(),
        source.version(),
        source.organism());
    return inTransaction(
        db,
        entity,
        c -> {
          long sourceId = SourceRows.ensure(c, tracking, source);
          TableImporter.Result r =
              TableImporter.importTable(
                  c, entity, file, sourceId, organismId, organismName, tracking);
          if (r.inserted() + r.updated() == 0) {
            throw new InvalidArgumentException("No valid records to add! " + file + " has no rows");
          }
          SourceRows.markImported(c, sourceId, source, tracking);
          ImportReport report =
              new ImportReport(
                  entity.registryName(),
                  source.name() + " " + source.version(),
                  r.inserted(),
                  r.updated(),
                  0,
                  0,
                  (System.nanoTime() - t0) / 1_000_000);
          LOG.info("{}", report);
          return report;
        });
  }

  private static <T> T inTransaction(SqlDatabase db, BiontyEntity entity, Work<T> work) {
    try (Connection c = db.connection()) {
      boolean auto = c.getAutoCommit();
      Long cacheSize = db.dialect() == Dialect.SQLITE ? sqliteCacheSize(c, IMPORT_CACHE_KIB) : null;
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
        if (cacheSize != null) {
          sqliteCacheSize(c, cacheSize);
        }
      }
    } catch (OntologyImporter.SqlFailure e) {
      throw translate(entity, e.sqlException());
    } catch (SQLException e) {
      throw translate(entity, e);
    }
  }

  /**
   * Sets SQLite's page cache of this connection (negative = KiB) for the import: with the default 2
   * MiB, index pages of a 78k-row table are evicted and re-read many times within the transaction.
   *
   * @return the previous setting
   */
  private static long sqliteCacheSize(Connection c, long size) throws SQLException {
    try (Statement s = c.createStatement()) {
      long previous;
      try (ResultSet rs = s.executeQuery("PRAGMA cache_size")) {
        rs.next();
        previous = rs.getLong(1);
      }
      s.execute("PRAGMA cache_size = " + size);
      return previous;
    }
  }

  private static RuntimeException translate(BiontyEntity entity, SQLException e) {
    String state = e.getSQLState();
    String msg = String.valueOf(e.getMessage());
    if ("23505".equals(state) || msg.contains("UNIQUE")) {
      return new IntegrityException(
          "importing into "
              + entity.table()
              + " collided with an "
              + "existing record ("
              + msg.lines().findFirst().orElse(msg)
              + "); nothing was imported",
          e);
    }
    return new StorageException(
        "importing into "
            + entity.table()
            + " failed: "
            + msg.lines().findFirst().orElse(msg)
            + "; nothing was imported",
        e);
  }
}
