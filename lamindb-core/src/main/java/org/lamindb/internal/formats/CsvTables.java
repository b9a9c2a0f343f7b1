package org.lamindb.internal.formats;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.lamindb.LaminException;
import org.lamindb.spi.FormatProvider.FormatInfo;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * CSV/TSV (optionally gzip) ↔ Tablesaw, with pandas' defaults where they matter: the first
 * non-comment line is the header, blank header cells are named {@code Unnamed: <i>}, repeated names
 * get {@code .1}, {@code .2}, ... Leading lines starting with {@code #} are skipped (Tablesaw also
 * skips such lines later in the file). Types are inferred from all rows. A row with a different
 * number of fields than the header is an error naming the file.
 */
final class CsvTables {
  private static final int MAX_CHARS_PER_FIELD = 64 * 1024 * 1024;
  private static final int MAX_COLUMNS = 200_000;

  /**
   * pandas' default {@code na_values}; Tablesaw's own list would also turn "*" into a missing
   * value.
   */
  private static final String[] PANDAS_NA = {
    "",
    "#N/A",
    "#N/A N/A",
    "#NA",
    "-1.#IND",
    "-1.#QNAN",
    "-NaN",
    "-nan",
    "1.#IND",
    "1.#QNAN",
    "<NA>",
    "N/A",
    "NA",
    "NULL",
    "NaN",
    "None",
    "n/a",
    "nan",
    "null"
  };

  private CsvTables() {}

  static char separator(String suffix) {
    String s = Suffixes.withoutCompression(suffix);
    if (s.endsWith(".tar")) {
      s = s.substring(0, s.length() - 4);
    }
    return s.endsWith(".tsv") ? '\t' : ',';
  }

  private static BufferedReader open(Path path, String suffix) throws IOException {
    InputStream in = Files.newInputStream(path);
    try {
      if (Suffixes.isGzip(suffix)) {
        in = new GZIPInputStream(in, 64 * 1024);
      }
      if (Suffixes.isTar(suffix)) {
        in = TarMember.firstFile(in);
      }
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        64 * 1024);
  }

  /**
   * Reads the header line: skips leading blank and {@code #} lines; returns null for an empty file.
   */
  private static String headerLine(BufferedReader r) throws IOException {
    String line;
    while ((line = r.readLine()) != null) {
      if (!line.isBlank() && !line.startsWith("#")) {
        return line;
      }
    }
    return null;
  }

  static Table read(Path path, String suffix) {
    char sep = separator(suffix);
    String format = sep == '\t' ? "TSV" : "CSV";
    try {
      // Tablesaw keeps the parsed text of every cell until types are known; gzip text is typically
      // 3-5x larger
      long size = java.nio.file.Files.size(path);
      long text = Suffixes.isGzip(suffix) ? size * 4 : size;
      MemoryBudget.require(
          path,
          text < Long.MAX_VALUE / 2 ? text * 2 : Long.MAX_VALUE,
          size + " bytes of " + format);
    } catch (IOException e) {
      throw FormatErrors.io(path, "read", e);
    }
    try (BufferedReader r = open(path, suffix)) {
      String header = headerLine(r);
      if (header == null) {
        return Table.create(String.valueOf(path.getFileName()));
      }
      List<String> names = pandasNames(splitLine(header, sep));
      CsvReadOptions options =
          CsvReadOptions.builder(r)
              .tableName(String.valueOf(path.getFileName()))
              .separator(sep)
              .header(false)
              .sample(false)
              // "1.0" stays a floating-point value, as in pandas (Tablesaw would make it an
              // integer)
              .ignoreZeroDecimal(false)
              .missingValueIndicator(PANDAS_NA)
              .maxCharsPerColumn(MAX_CHARS_PER_FIELD)
              .maxNumberOfColumns(Math.max(MAX_COLUMNS, names.size() + 1))
              .build();
      Table t;
      try {
        t = Table.read().usingOptions(options);
      } catch (RuntimeException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw FormatErrors.malformed(path, format, describe(e), e);
      }
      if (t.columnCount() == 0) {
        Table empty = Table.create(String.valueOf(path.getFileName()));
        for (String n : names) {
          empty.addColumns(tech.tablesaw.api.StringColumn.create(n));
        }
        return empty;
      }
      if (t.columnCount() != names.size()) {
        throw FormatErrors.malformed(
            path,
            format,
            "the header has " + names.size() + " fields but the rows have " + t.columnCount(),
            null);
      }
      for (int i = 0; i < names.size(); i++) {
        t.column(i).setName(names.get(i));
      }
      return t;
    } catch (LaminException e) {
      throw e;
    } catch (ZipException e) {
      throw FormatErrors.malformed(
          path, "gzip-compressed " + format, String.valueOf(e.getMessage()), e);
    } catch (java.io.EOFException e) {
      throw FormatErrors.malformed(path, format, "the file ends unexpectedly (truncated)", e);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw FormatErrors.malformed(path, format, "invalid UTF-8 text", e);
    } catch (IOException e) {
      throw FormatErrors.io(path, "read", e);
    }
  }

  private static String describe(RuntimeException e) {
    String m = String.valueOf(e.getMessage());
    if (m.length() > 300) {
      m = m.substring(0, 300) + "…";
    }
    if (e instanceof tech.tablesaw.io.ColumnIndexOutOfBoundsException
        || m.contains("out of bounds")) {
      return "rows have different numbers of fields (" + m + ")";
    }
    return m;
  }

  static FormatInfo inspect(Path path, String suffix) {
    char sep = separator(suffix);
    try (BufferedReader r = open(path, suffix)) {
      String header = headerLine(r);
      List<String> names = header == null ? List.of() : pandasNames(splitLine(header, sep));
      StringBuilder sb = new StringBuilder("columns: ");
      int shown = Math.min(30, names.size());
      sb.append(String.join(", ", names.subList(0, shown)));
      if (names.size() > shown) {
        sb.append(", … ").append(names.size() - shown).append(" more");
      }
      return new FormatInfo(
          "DataFrame",
          null,
          List.of((sep == '\t' ? "TSV" : "CSV") + ": " + names.size() + " columns", sb.toString()));
    } catch (ZipException | java.nio.charset.CharacterCodingException | java.io.EOFException e) {
      throw FormatErrors.malformed(
          path, sep == '\t' ? "TSV" : "CSV", String.valueOf(e.getMessage()), e);
    } catch (IOException e) {
      throw FormatErrors.io(path, "read", e);
    }
  }

  static void write(Table table, Path target, String suffix) {
    char sep = separator(suffix);
    try (OutputStream raw = Files.newOutputStream(target);
        OutputStream out = Suffixes.isGzip(suffix) ? new GZIPOutputStream(raw, 64 * 1024) : raw;
        Writer w =
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024)) {
      table.write().usingOptions(CsvWriteOptions.builder(w).separator(sep).header(true).build());
    } catch (IOException e) {
      throw FormatErrors.io(target, "write", e);
    }
  }

  /** Splits one line into fields, honouring double quotes ({@code ""} escapes a quote). */
  static List<String> splitLine(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == sep) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /**
   * Column names as pandas builds them: {@code Unnamed: i} for blanks, {@code .k} suffixes for
   * repeats.
   */
  static List<String> pandasNames(List<String> raw) {
    List<String> out = new ArrayList<>(raw.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String base = raw.get(i).strip();
      if (base.isEmpty()) {
        base = "Unnamed: " + i;
      }
      String name = base;
      for (int k = 1; !seen.add(name.toLowerCase(Locale.ROOT)); k++) {
        name = base + "." + k;
      }
      out.add(name);
    }
    return out;
  }
}
