package org.lamindb.internal.formats;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lamindb.internal.duckdb.DuckDb;
import org.lamindb.internal.duckdb.DuckDbPath;
import org.lamindb.spi.FormatProvider.FormatInfo;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads Parquet files into Tablesaw tables through DuckDB, after {@link ParquetStructureCheck}.
 *
 * <p>Type mapping (DuckDB's view of the Parquet logical type → Tablesaw column): BOOLEAN → boolean;
 * TINYINT, SMALLINT, UTINYINT → short; INTEGER, USMALLINT → int; BIGINT, UINTEGER, UBIGINT → long
 * (an unsigned value above {@code Long.MAX_VALUE} is an error); FLOAT → float; DOUBLE → double;
 * DECIMAL(p,s) → double when p ≤ 15, else the exact decimal text as string; VARCHAR → string; BLOB
 * → string (text when every value of the column is UTF-8 without control characters, else lowercase
 * hex); DATE → date; TIME → time; TIMESTAMP (any unit) → date-time (UTC) and TIMESTAMP WITH TIME
 * ZONE → instant when every value is a whole millisecond (Tablesaw's precision), else, to keep full
 * precision, a long column of epoch microseconds (nanoseconds for {@code TIMESTAMP_NS}). Nested
 * LIST, STRUCT, MAP, ARRAY and UNION columns become JSON strings; other types (TIME WITH TIME ZONE,
 * INTERVAL, UUID, HUGEINT, all-null columns) their DuckDB text form. Integer columns holding their
 * type's minimum value (Tablesaw's missing-value marker) are widened: short → int → long → exact
 * text.
 */
final class ParquetTableReader {
  private ParquetTableReader() {}

  /** One column as DuckDB describes it, with the SQL that fetches it and the sink it goes to. */
  record ColumnSpec(String name, String duckType, TableColumns.Kind kind, String projection) {}

  /** Reads the whole file into a table. */
  static Table read(Path path) {
    Path abs = path.toAbsolutePath();
    try (FileChannel ch = ParquetStructureCheck.open(abs);
        DuckDbPath duck = DuckDbPath.of(abs);
        Connection conn = DuckDb.open()) {
      List<ParquetStructureCheck.Chunk> chunks = checkStructure(abs, duck.sql(), ch, conn, true);
      List<ColumnSpec> specs = describe(conn, duck.sql());
      long rows = rowCount(conn, duck.sql());
      MemoryBudget.require(
          abs,
          heapEstimate(rows, specs.size(), chunks),
          rows + " rows × " + specs.size() + " columns");
      StringBuilder sql = new StringBuilder("SELECT ");
      for (int i = 0; i < specs.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(specs.get(i).projection());
      }
      sql.append(" FROM read_parquet(?)");
      List<TableColumns.Sink> sinks = new ArrayList<>();
      for (ColumnSpec s : specs) {
        sinks.add(TableColumns.sink(s.kind(), s.name()));
      }
      try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
        ps.setString(1, duck.sql());
        try (ResultSet rs = ps.executeQuery()) {
          int n = sinks.size();
          while (rs.next()) {
            for (int i = 0; i < n; i++) {
              sinks.get(i).add(rs, i + 1);
            }
          }
        }
      }
      List<Column<?>> columns = new ArrayList<>(sinks.size());
      for (TableColumns.Sink s : sinks) {
        columns.add(s.finish());
      }
      return Table.create(String.valueOf(path.getFileName()), columns);
    } catch (SQLException e) {
      throw FormatErrors.malformed(abs, "Parquet", DuckDb.message(e), e);
    } catch (IOException e) {
      throw FormatErrors.io(abs, "read", e);
    }
  }

  /**
   * Reads shape and column types from the footer, after checking everything {@link #read} checks:
   * the page structure with CRCs, and every value of every column decoded by DuckDB with the
   * projections {@link #read} uses (streamed through an aggregate: memory stays bounded whatever
   * the file size). So a file that saves also loads.
   */
  /**
   * Inspects a folder of Parquet part files (a dataset written by Spark or DuckDB, e.g. {@code
   * scores.parquet/part-0000.parquet}): otype DataFrame, rows summed over the parts.
   */
  static FormatInfo inspectFolder(Path folder) {
    List<Path> parts;
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(folder)) {
      parts =
          s.filter(java.nio.file.Files::isRegularFile)
              .filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    long rows = 0;
    for (Path part : parts) {
      Long n = inspect(part).nObservations();
      rows += n == null ? 0 : n;
    }
    return new FormatInfo(
        "DataFrame",
        rows,
        List.of("Parquet folder: " + parts.size() + " files, " + rows + " rows"));
  }

  static FormatInfo inspect(Path path) {
    Path abs = path.toAbsolutePath();
    try (FileChannel ch = ParquetStructureCheck.open(abs);
        DuckDbPath duck = DuckDbPath.of(abs);
        Connection conn = DuckDb.open()) {
      checkStructure(abs, duck.sql(), ch, conn, true);
      long rows = rowCount(conn, duck.sql());
      List<ColumnSpec> specs = describe(conn, duck.sql());
      decodeAll(conn, duck.sql(), specs);
      List<String> summary = new ArrayList<>();
      summary.add("Parquet: " + rows + " rows × " + specs.size() + " columns");
      summary.add(columnLine(specs));
      return new FormatInfo("DataFrame", rows, summary);
    } catch (SQLException e) {
      throw FormatErrors.malformed(abs, "Parquet", DuckDb.message(e), e);
    } catch (IOException e) {
      throw FormatErrors.io(abs, "read", e);
    }
  }

  /** Columns hashed per aggregate, so a 30,000-column file does not build one giant call. */
  private static final int DECODE_BATCH = 256;

  /** Decodes every page of every column (the values are hashed and dropped). */
  static void decodeAll(Connection conn, String duckPath, List<ColumnSpec> specs)
      throws SQLException {
    if (specs.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int from = 0; from < specs.size(); from += DECODE_BATCH) {
      sql.append(from == 0 ? "" : ", ").append("bit_xor(hash(");
      int to = Math.min(specs.size(), from + DECODE_BATCH);
      for (int i = from; i < to; i++) {
        sql.append(i == from ? "" : ", ").append(specs.get(i).projection());
      }
      sql.append("))");
    }
    sql.append(" FROM read_parquet(?)");
    try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
      ps.setString(1, duckPath);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
    }
  }

  private static long rowCount(Connection conn, String duckPath) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT num_rows FROM parquet_file_metadata(?)")) {
      ps.setString(1, duckPath);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no file metadata");
        }
        long rows = rs.getLong(1);
        if (rows < 0) {
          throw new SQLException("negative row count " + rows + " in the footer");
        }
        return rows;
      }
    }
  }

  private static String columnLine(List<ColumnSpec> specs) {
    StringBuilder sb = new StringBuilder("columns: ");
    int shown = Math.min(specs.size(), 30);
    for (int i = 0; i < shown; i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(specs.get(i).name())
          .append(" (")
          .append(specs.get(i).duckType())
          .append(')');
    }
    if (specs.size() > shown) {
      sb.append(", … ").append(specs.size() - shown).append(" more");
    }
    return sb.toString();
  }

  private static List<ParquetStructureCheck.Chunk> checkStructure(
      Path abs, String duckPath, FileChannel ch, Connection conn, boolean verifyCrc)
      throws IOException, SQLException {
    long footer = ParquetStructureCheck.checkEnvelope(abs, ch);
    List<ParquetStructureCheck.Chunk> chunks = ParquetStructureCheck.chunks(conn, duckPath);
    ParquetStructureCheck.checkPages(abs, ch, footer, chunks, verifyCrc);
    return chunks;
  }

  /**
   * Heap a Table of this file needs, roughly: 8 bytes per value in Tablesaw's primitive arrays
   * (strings: a dictionary code), plus four times the uncompressed size of the byte-array column
   * chunks for the distinct strings themselves (a dictionary-encoded chunk is small when the column
   * has few distinct values). Saturates instead of overflowing on absurd footers.
   */
  static long heapEstimate(long rows, int columns, List<ParquetStructureCheck.Chunk> chunks) {
    double estimate = (double) rows * 8 * Math.max(1, columns);
    for (ParquetStructureCheck.Chunk c : chunks) {
      if (c.physicalType() != null && c.physicalType().contains("BYTE_ARRAY")) {
        estimate += 4.0 * Math.max(0, c.totalUncompressedSize());
      }
    }
    return estimate >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) estimate;
  }

  static List<ColumnSpec> describe(Connection conn, String duckPath) throws SQLException {
    List<ColumnSpec> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (PreparedStatement ps = conn.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
      ps.setString(1, duckPath);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          String type = rs.getString(2);
          String unique = name;
          for (int k = 1; !seen.add(unique.toLowerCase(Locale.ROOT)); k++) {
            unique = name + "." + k;
          }
          out.add(spec(unique, DuckDb.ident(name), type));
        }
      }
    }
    return out;
  }

  /** Chooses the Tablesaw column kind and the SQL projection for one DuckDB type. */
  static ColumnSpec spec(String name, String col, String type) {
    String t = type.toUpperCase(Locale.ROOT);
    if (t.endsWith("]") || t.startsWith("STRUCT") || t.startsWith("MAP") || t.startsWith("UNION")) {
      return new ColumnSpec(
          name, type, TableColumns.Kind.STRING, "CAST(to_json(" + col + ") AS VARCHAR)");
    }
    if (t.startsWith("DECIMAL")) {
      int precision = decimalPrecision(t);
      return precision <= 15
          ? new ColumnSpec(name, type, TableColumns.Kind.DOUBLE, "CAST(" + col + " AS DOUBLE)")
          : new ColumnSpec(name, type, TableColumns.Kind.STRING, "CAST(" + col + " AS VARCHAR)");
    }
    return switch (t) {
      case "BOOLEAN" -> new ColumnSpec(name, type, TableColumns.Kind.BOOLEAN, col);
      case "TINYINT", "SMALLINT", "UTINYINT" ->
          new ColumnSpec(name, type, TableColumns.Kind.SHORT, "CAST(" + col + " AS SMALLINT)");
      case "INTEGER", "USMALLINT" ->
          new ColumnSpec(name, type, TableColumns.Kind.INT, "CAST(" + col + " AS INTEGER)");
      case "BIGINT", "UINTEGER", "UBIGINT" ->
          new ColumnSpec(name, type, TableColumns.Kind.LONG, "CAST(" + col + " AS BIGINT)");
      case "FLOAT" -> new ColumnSpec(name, type, TableColumns.Kind.FLOAT, col);
      case "DOUBLE" -> new ColumnSpec(name, type, TableColumns.Kind.DOUBLE, col);
      case "VARCHAR" -> new ColumnSpec(name, type, TableColumns.Kind.STRING, col);
      case "BLOB" -> new ColumnSpec(name, type, TableColumns.Kind.BLOB, col);
      case "DATE" ->
          new ColumnSpec(
              name,
              type,
              TableColumns.Kind.DATE,
              inRange(name, col, "(" + col + " - DATE '1970-01-01')", MIN_DAY, MAX_DAY, col));
      case "TIME" -> new ColumnSpec(name, type, TableColumns.Kind.TIME, col);
      case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS" ->
          new ColumnSpec(
              name,
              type,
              TableColumns.Kind.TIMESTAMP,
              inRange(
                  name,
                  col,
                  "epoch_us(CAST(" + col + " AS TIMESTAMP))",
                  MIN_MICROS,
                  MAX_MICROS,
                  "epoch_us(CAST(" + col + " AS TIMESTAMP))"));
      case "TIMESTAMP_NS" ->
          new ColumnSpec(name, type, TableColumns.Kind.TIMESTAMP_NS, "epoch_ns(" + col + ")");
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" ->
          new ColumnSpec(
              name,
              type,
              TableColumns.Kind.INSTANT,
              inRange(
                  name,
                  col,
                  "epoch_us(CAST(" + col + " AS TIMESTAMPTZ))",
                  MIN_MICROS,
                  MAX_MICROS,
                  "epoch_us(CAST(" + col + " AS TIMESTAMPTZ))"));
      case "TIMESTAMPTZ_NS" ->
          new ColumnSpec(name, type, TableColumns.Kind.INSTANT_NS, "epoch_ns(" + col + ")");
      default ->
          new ColumnSpec(name, type, TableColumns.Kind.STRING, "CAST(" + col + " AS VARCHAR)");
    };
  }

  /*
   * Tablesaw packs a date's year into 16 bits, so a year outside -32768..32767 (DuckDB reads INT96
   * and 64-bit timestamps up to year 294247) would wrap silently: such values are rejected, by the
   * projection itself, so that save-time inspection (which decodes every value with these
   * projections) and load agree.
   */
  static final long MIN_DAY = LocalDate.of(-32768, 1, 1).toEpochDay();
  static final long MAX_DAY = LocalDate.of(32767, 12, 31).toEpochDay();
  static final long MIN_MICROS = MIN_DAY * 86_400_000_000L;
  static final long MAX_MICROS = (MAX_DAY + 1) * 86_400_000_000L - 1;

  /**
   * {@code value} when {@code measure} is within [lo, hi] (or the column is null), else an error.
   */
  private static String inRange(
      String name, String col, String measure, long lo, long hi, String value) {
    String label = name.replace("'", "''");
    return "CASE WHEN "
        + col
        + " IS NULL OR "
        + measure
        + " BETWEEN "
        + lo
        + " AND "
        + hi
        + " THEN "
        + value
        + " ELSE error('column \"' || '"
        + label
        + "' || '\": value ' || CAST("
        + col
        + " AS VARCHAR) || ' is outside the years -32768..32767 that a DataFrame date/time column"
        + " holds; cast the column to text or a number before saving') END";
  }

  private static int decimalPrecision(String t) {
    int open = t.indexOf('(');
    int comma = t.indexOf(',', open);
    if (open < 0 || comma < 0) {
      return 18;
    }
    try {
      return Integer.parseInt(t.substring(open + 1, comma).strip());
    } catch (NumberFormatException e) {
      return 38;
    }
  }
}
