package org.lamindb.bionty.internal.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.BiontyUids;
import org.lamindb.bionty.internal.parse.SourceFiles;

/**
 * Imports a table-shaped source (parquet, CSV or TSV, optionally gzipped; read with embedded
 * DuckDB, row by row) into a registry whose sources are tables rather than ontologies: Gene,
 * Protein, CellMarker and Organism. As bionty does, only columns that are fields of the registry
 * are kept ({@code definition} counts as {@code description}; list values and {@code ncbi_gene_id}
 * / {@code ensembl_gene_id} lists are stored pipe-separated); Ensembl's species tables ({@code
 * #name}, {@code species}, {@code taxonomy_id}) become Organism rows with an NCBITaxon id. Rows
 * whose key (Ensembl id, UniProtKB id, marker name, organism ontology id) exists are updated in
 * place, keeping ids and links; others are inserted in batches inside the caller's transaction.
 */
public final class TableImporter {
  private static final int BATCH = 2000;

  /** Columns a source table may fill, per registry, in insert order. */
  private static final Map<BiontyEntity, List<String>> FIELDS =
      Map.of(
          BiontyEntity.GENE,
          List.of(
              "symbol",
              "stable_id",
              "ensembl_gene_id",
              "ncbi_gene_ids",
              "biotype",
              "synonyms",
              "description"),
          BiontyEntity.PROTEIN,
          List.of(
              "name",
              "uniprotkb_id",
              "length",
              "gene_symbol",
              "ensembl_gene_ids",
              "synonyms",
              "description"),
          BiontyEntity.CELL_MARKER,
          List.of("name", "gene_symbol", "ncbi_gene_id", "uniprotkb_id", "synonyms", "description"),
          BiontyEntity.ORGANISM,
          List.of("name", "ontology_id", "scientific_name", "synonyms", "description"));

  /** Source column names accepted for a registry field besides the field's own name. */
  private static final Map<String, List<String>> ALIASES =
      Map.of(
          "description", List.of("definition"),
          "ncbi_gene_ids", List.of("ncbi_gene_id"),
          "ensembl_gene_ids", List.of("ensembl_gene_id"),
          "name", List.of("#name"),
          "scientific_name", List.of("species"),
          "ontology_id", List.of("taxonomy_id"));

  /**
   * What an import wrote.
   *
   * @param inserted new rows
   * @param updated existing rows updated in place
   */
  public record Result(long inserted, long updated) {}

  private TableImporter() {}

  /**
   * @return true when {@code entity}'s sources are tables imported by this class
   */
  public static boolean handles(BiontyEntity entity) {
    return FIELDS.containsKey(entity);
  }

  /**
   * Imports {@code file} into {@code entity}'s table.
   *
   * @param c a connection in a transaction
   * @param entity Gene, Protein, CellMarker or Organism
   * @param file the table
   * @param sourceId the {@code bionty_source} row
   * @param organismId the organism of the rows (required for Gene, Protein and CellMarker)
   * @param organismName its name (part of CellMarker uids)
   * @param t creator, run, branch and space of new rows
   * @return counts
   * @throws org.lamindb.ValidationException when the file lacks the key column or a row lacks its
   *     key
   */
  public static Result importTable(
      Connection c,
      BiontyEntity entity,
      Path file,
      long sourceId,
      Long organismId,
      String organismName,
      Tracking t)
      throws SQLException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidArgumentException(
          "source file not found: " + file + "; pass the path of an existing table");
    }
    if (entity.requiresOrganism() && organismId == null) {
      throw new InvalidArgumentException(
          "`organism` is required to import " + entity.className() + " records; pass it");
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement ps = duck.prepareStatement("SELECT * FROM " + reader(file) + "(?)")) {
      ps.setString(1, file.toAbsolutePath().toString());
      try (ResultSet rs = ps.executeQuery()) {
        Map<String, String> columns = mapColumns(entity, rs.getMetaData());
        String key = keyField(entity, columns.keySet(), file);
        try (Writer w = writer(c, entity, columns, key, sourceId, organismId, t)) {
          long row = 0;
          while (rs.next()) {
            row++;
            Map<String, Object> values = new HashMap<>();
            for (var e : columns.entrySet()) {
              values.put(e.getKey(), convert(entity, e.getKey(), rs.getObject(e.getValue())));
            }
            Object k = values.get(key);
            if (k == null || k.toString().isBlank()) {
              throw SourceFiles.error(
                  file, 0, "row " + row + " has no " + key, "every row needs its " + key);
            }
            try {
              w.write(values, uid(entity, values, organismName));
            } catch (SQLException e) {
              throw new OntologyImporter.SqlFailure(e);
            }
          }
          w.flush();
          return new Result(w.inserted, w.updated);
        }
      }
    } catch (SQLException e) {
      // writes into the instance are wrapped above: what arrives here comes from reading the file
      throw SourceFiles.error(
          file,
          0,
          "cannot read the table: " + e.getMessage().lines().findFirst().orElse(""),
          "the file may be truncated or not a parquet/CSV/TSV file");
    }
  }

  private static Writer writer(
      Connection c,
      BiontyEntity entity,
      Map<String, String> columns,
      String key,
      long sourceId,
      Long organismId,
      Tracking t) {
    try {
      return new Writer(c, entity, columns, key, sourceId, organismId, t);
    } catch (SQLException e) {
      throw new OntologyImporter.SqlFailure(e);
    }
  }

  private static String reader(Path file) {
    String n = SourceFiles.baseName(file);
    if (n.endsWith(".parquet")) {
      return "read_parquet";
    }
    if (n.endsWith(".csv")) {
      return "read_csv_auto";
    }
    if (n.endsWith(".tsv") || n.endsWith(".txt")) {
      return "read_csv_auto";
    }
    throw new InvalidArgumentException(
        "cannot tell the format of " + file + "; table sources are .parquet, .csv, .tsv or .txt");
  }

  /**
   * @return registry field → source column label, for the fields the file has
   */
  private static Map<String, String> mapColumns(BiontyEntity entity, ResultSetMetaData md)
      throws SQLException {
    Map<String, String> byLower = new LinkedHashMap<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      byLower.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT).strip(), md.getColumnLabel(i));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : FIELDS.get(entity)) {
      if (byLower.containsKey(f)) {
        out.put(f, byLower.get(f));
        continue;
      }
      for (String alias : ALIASES.getOrDefault(f, List.of())) {
        if (byLower.containsKey(alias)) {
          out.put(f, byLower.get(alias));
          break;
        }
      }
    }
    return out;
  }

  private static String keyField(BiontyEntity entity, Set<String> fields, Path file) {
    List<String> candidates =
        switch (entity) {
          case GENE -> List.of("ensembl_gene_id", "stable_id");
          case PROTEIN -> List.of("uniprotkb_id");
          case CELL_MARKER -> List.of("name");
          case ORGANISM -> List.of("ontology_id", "name");
          default -> throw new IllegalArgumentException(entity.toString());
        };
    for (String k : candidates) {
      if (fields.contains(k)) {
        return k;
      }
    }
    throw SourceFiles.error(
        file,
        0,
        entity.className() + " table needs a column " + String.join(" or ", candidates),
        "found columns usable as fields: " + fields);
  }

  private static Object convert(BiontyEntity entity, String field, Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof Array a) {
      List<String> parts = new ArrayList<>();
      for (Object o : (Object[]) a.getArray()) {
        if (o != null && !o.toString().isBlank()) {
          parts.add(o.toString().strip());
        }
      }
      return parts.isEmpty() ? null : String.join("|", parts);
    }
    if (field.equals("length")) {
      return v instanceof Number n ? n.longValue() : Long.valueOf(v.toString().strip());
    }
    String s = v.toString().strip();
    if (s.isEmpty()) {
      return null;
    }
    if (entity == BiontyEntity.ORGANISM) {
      if (field.equals("name")) {
        return s.toLowerCase(Locale.ROOT);
      }
      if (field.equals("ontology_id") && !s.contains(":")) {
        return "NCBITaxon:" + s;
      }
    }
    return s;
  }

  private static String uid(BiontyEntity entity, Map<String, Object> v, String organismName) {
    return switch (entity) {
      case GENE ->
          BiontyUids.ofGene(
              str(v.get("ensembl_gene_id")),
              str(v.get("stable_id")),
              str(v.get("symbol")),
              organismName);
      case PROTEIN -> BiontyUids.ofOntologyRecord(str(v.get("uniprotkb_id")));
      case CELL_MARKER -> BiontyUids.ofNamedRecord(str(v.get("name")), organismName);
      default ->
          v.get("ontology_id") != null
              ? BiontyUids.ofOntologyRecord(str(v.get("ontology_id")))
              : BiontyUids.ofNamedRecord(str(v.get("name")), null);
    };
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  /** Bulk inserts and batched updates over the fields a file has. */
  private static final class Writer implements AutoCloseable {
    private final List<String> fields;
    private final String key;
    private final long sourceId;
    private final Long organismId;
    private final boolean withOrganism;
    private final Tracking t;
    private final Map<String, Long> existing = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final BulkRows insert;
    private final int insertWidth;
    private final Object[] trackingValues;
    private final PreparedStatement update;
    private int pendingUpdates;
    long inserted;
    long updated;

    Writer(
        Connection c,
        BiontyEntity entity,
        Map<String, String> columns,
        String key,
        long sourceId,
        Long organismId,
        Tracking t)
        throws SQLException {
      this.fields = List.copyOf(columns.keySet());
      this.key = key;
      this.sourceId = sourceId;
      this.organismId = organismId;
      this.t = t;
      this.withOrganism = entity.requiresOrganism();
      String table = entity.table();
      String where = key + " IS NOT NULL" + (withOrganism ? " AND organism_id = ?" : "");
      try (PreparedStatement ps =
          c.prepareStatement("SELECT " + key + ", id FROM " + table + " WHERE " + where)) {
        if (withOrganism) {
          ps.setLong(1, organismId);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            existing.put(rs.getString(1), rs.getLong(2));
          }
        }
      }
      List<String> cols = new ArrayList<>();
      cols.add("uid");
      StringBuilder sets = new StringBuilder();
      for (String f : fields) {
        cols.add(f);
        if (!f.equals(key)) {
          sets.append(f).append(" = ?, ");
        }
      }
      cols.add("source_id");
      sets.append("source_id = ?");
      if (withOrganism) {
        cols.add("organism_id");
        sets.append(", organism_id = ?");
      }
      cols.addAll(Tracking.columns());
      this.insertWidth = cols.size();
      this.trackingValues = t.values();
      this.insert = BulkRows.open(c, t.db().dialect(), table, cols);
      this.update =
          c.prepareStatement("UPDATE " + table + " SET " + sets + ", updated_at = ? WHERE id = ?");
    }

    void write(Map<String, Object> values, String uid) throws SQLException {
      String k = values.get(key).toString();
      if (!seen.add(k)) {
        return;
      }
      Long id = existing.get(k);
      if (id == null) {
        Object[] row = new Object[insertWidth];
        int i = 0;
        row[i++] = uid;
        for (String f : fields) {
          row[i++] = values.get(f);
        }
        row[i++] = sourceId;
        if (withOrganism) {
          row[i++] = organismId;
        }
        System.arraycopy(trackingValues, 0, row, i, trackingValues.length);
        insert.add(row);
        inserted++;
        return;
      }
      PreparedStatement ps = update;
      int i = 1;
      for (String f : fields) {
        if (f.equals(key)) {
          continue;
        }
        Object v = values.get(f);
        if (v == null) {
          ps.setNull(i++, f.equals("length") ? Types.BIGINT : Types.VARCHAR);
        } else {
          ps.setObject(i++, v);
        }
      }
      ps.setLong(i++, sourceId);
      if (withOrganism) {
        ps.setLong(i++, organismId);
      }
      ps.setObject(i++, t.now());
      ps.setLong(i, id);
      updated++;
      ps.addBatch();
      if (++pendingUpdates >= BATCH) {
        update.executeBatch();
        pendingUpdates = 0;
      }
    }

    void flush() {
      try {
        insert.flush();
        if (pendingUpdates > 0) {
          update.executeBatch();
          pendingUpdates = 0;
        }
      } catch (SQLException e) {
        throw new OntologyImporter.SqlFailure(e);
      }
    }

    @Override
    public void close() {
      try {
        insert.close();
        update.close();
      } catch (SQLException e) {
        throw new OntologyImporter.SqlFailure(e);
      }
    }
  }
}
