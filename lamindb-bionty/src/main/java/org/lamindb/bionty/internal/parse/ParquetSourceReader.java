package org.lamindb.bionty.internal.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.lamindb.InvalidArgumentException;
import org.lamindb.bionty.OntologyTerm;
import org.lamindb.bionty.Synonym;

/**
 * Reads a bionty-style parquet source ({@code ontology_id}, {@code name} and optionally {@code
 * definition} or {@code description}, {@code synonyms} (pipe-separated text or a list) and {@code
 * parents} (a list or pipe-separated text)) with embedded DuckDB, row by row.
 */
public final class ParquetSourceReader {

  /**
   * Streams the rows of {@code file} as terms into {@code sink}.
   *
   * @return the number of terms handed over
   */
  public long parse(Path file, Consumer<OntologyTerm> sink) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidArgumentException(
          "source file not found: " + file + "; pass the path of an existing parquet file");
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement ps = c.prepareStatement("SELECT * FROM read_parquet(?)")) {
      ps.setString(1, file.toAbsolutePath().toString());
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        Set<String> cols = new HashSet<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          cols.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        if (!cols.contains("ontology_id") || !cols.contains("name")) {
          throw SourceFiles.error(
              file, 0, "parquet source needs columns ontology_id and name, found " + cols, null);
        }
        String descCol =
            cols.contains("definition")
                ? "definition"
                : cols.contains("description") ? "description" : null;
        long n = 0;
        while (rs.next()) {
          String id = rs.getString("ontology_id");
          String name = rs.getString("name");
          if (id == null || id.isBlank()) {
            throw SourceFiles.error(file, 0, "row " + (n + 1) + " has no ontology_id", null);
          }
          if (name == null) {
            continue;
          }
          List<Synonym> synonyms = new ArrayList<>();
          if (cols.contains("synonyms")) {
            for (String s : multi(rs, "synonyms")) {
              synonyms.add(Synonym.exact(s));
            }
          }
          List<String> parents = new ArrayList<>();
          if (cols.contains("parents")) {
            for (String p : multi(rs, "parents")) {
              parents.add(OntologyIds.normalize(p));
            }
          }
          String desc = descCol == null ? null : rs.getString(descCol);
          sink.accept(
              new OntologyTerm(OntologyIds.normalize(id), name, desc, synonyms, parents, false));
          n++;
        }
        return n;
      }
    } catch (SQLException e) {
      throw SourceFiles.error(
          file,
          0,
          "cannot read parquet: " + e.getMessage(),
          "the file may be truncated or not a parquet file");
    }
  }

  private static List<String> multi(ResultSet rs, String col) throws SQLException {
    Object v = rs.getObject(col);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v instanceof Array a) {
      for (Object o : (Object[]) a.getArray()) {
        if (o != null && !o.toString().isBlank()) {
          out.add(o.toString());
        }
      }
      return out;
    }
    for (String s : v.toString().split("\\|")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }
}
