package org.lamindb.internal.collection;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.duckdb.DuckDb;
import org.lamindb.query.TableAccessor.Column;

/**
 * Columns and row count of each file behind a table source, read from Parquet footers in one DuckDB
 * call for all files ({@code parquet_schema}, {@code parquet_file_metadata}) and kept in a
 * process-wide cache keyed by content hash, so reopening a collection reads no footer twice.
 */
final class TableMeta {
  /**
   * @param columns top-level columns in file order
   * @param rows row count (-1 when the format has no metadata, CSV)
   */
  record Meta(List<Column> columns, long rows) {}

  private static final int MAX_CACHED = 200_000;
  private static final Map<String, Meta> CACHE = new ConcurrentHashMap<>();

  private TableMeta() {}

  /**
   * @return the metadata of each file from the cache, or null when a file has not been read yet
   */
  static List<Meta> cached(List<TableFile> files) {
    List<Meta> l = new ArrayList<>(files.size());
    for (TableFile f : files) {
      Meta m = CACHE.get(cacheKey(f));
      if (m == null) {
        return null;
      }
      l.add(m);
    }
    return l;
  }

  /**
   * @return the metadata of each file, in order
   */
  static List<Meta> of(Connection conn, List<TableFile> files) throws SQLException {
    Meta[] out = new Meta[files.size()];
    Map<String, Integer> parquetToRead = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      TableFile f = files.get(i);
      Meta cached = CACHE.get(cacheKey(f));
      if (cached != null) {
        out[i] = cached;
      } else if (f.format().equals("parquet")) {
        if (f.stager() != null) {
          f.stager().footer();
        }
        parquetToRead.put(f.path().toString(), i);
      } else {
        out[i] = csv(conn, f);
      }
    }
    if (!parquetToRead.isEmpty()) {
      readParquet(conn, files, parquetToRead, out);
    }
    List<Meta> l = new ArrayList<>(files.size());
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        throw new InvalidArgumentException(
            "cannot read the Parquet schema of artifact " + files.get(i).label());
      }
      l.add(out[i]);
      if (CACHE.size() < MAX_CACHED) {
        CACHE.putIfAbsent(cacheKey(files.get(i)), out[i]);
      }
    }
    return l;
  }

  private static String cacheKey(TableFile f) {
    if (f.contentKey() != null) {
      return f.format() + ":" + f.contentKey() + ":" + f.path().getFileName();
    }
    long size = -1;
    long mtime = -1;
    try {
      size = Files.size(f.path());
      mtime = Files.getLastModifiedTime(f.path()).toMillis();
    } catch (java.io.IOException ignored) {
      // uncachable: read again
    }
    return f.format() + ":" + f.path() + ":" + size + ":" + mtime;
  }

  private static void readParquet(
      Connection conn, List<TableFile> files, Map<String, Integer> paths, Meta[] out)
      throws SQLException {
    String list =
        paths.keySet().stream().map(DuckDb::literal).collect(Collectors.joining(", ", "[", "]"));
    Map<String, List<Column>> cols = new HashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT file_name, name, num_children, duckdb_type FROM parquet_schema("
                    + list
                    + ")")) {
      // the schema is a flattened tree per file: the root, then each node followed by its subtree
      String file = null;
      int rootLeft = 0;
      int skip = 0;
      while (rs.next()) {
        String fn = rs.getString(1);
        int children = rs.getInt(3);
        boolean group = !rs.wasNull() && children > 0;
        if (!fn.equals(file)) {
          file = fn;
          rootLeft = group ? children : 0;
          skip = 0;
          cols.put(fn, new ArrayList<>());
          continue;
        }
        if (skip > 0) {
          skip--;
          skip += group ? children : 0;
          continue;
        }
        if (rootLeft > 0) {
          rootLeft--;
          cols.get(fn).add(new Column(rs.getString(2), rs.getString(4)));
          skip = group ? children : 0;
        }
      }
    } catch (SQLException e) {
      throw failure(files, paths, e);
    }
    Map<String, Long> rows = new HashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT file_name, num_rows FROM parquet_file_metadata(" + list + ")")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw failure(files, paths, e);
    }
    for (Map.Entry<String, Integer> e : paths.entrySet()) {
      List<Column> c = cols.get(e.getKey());
      Long n = rows.get(e.getKey());
      if (c != null && n != null) {
        out[e.getValue()] = new Meta(List.copyOf(c), n);
      }
    }
  }

  private static RuntimeException failure(
      List<TableFile> files, Map<String, Integer> paths, SQLException e) {
    String msg = DuckDb.message(e);
    for (Map.Entry<String, Integer> p : paths.entrySet()) {
      if (msg.contains(p.getKey())) {
        TableFile f = files.get(p.getValue());
        return new InvalidArgumentException(
            "artifact "
                + f.label()
                + " ("
                + f.artifactUid()
                + ") is not a readable Parquet file: "
                + msg);
      }
    }
    return new InvalidArgumentException("cannot read the Parquet footers: " + msg);
  }

  private static Meta csv(Connection conn, TableFile f) throws SQLException {
    List<Column> cols = new ArrayList<>();
    try (PreparedStatement ps =
        conn.prepareStatement("DESCRIBE SELECT * FROM " + DuckTableSource.csvScan(f))) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cols.add(new Column(rs.getString(1), rs.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new InvalidArgumentException(
          "artifact "
              + f.label()
              + " ("
              + f.artifactUid()
              + ") is not a readable "
              + f.format()
              + " file: "
              + DuckDb.message(e));
    }
    return new Meta(List.copyOf(cols), -1);
  }
}
