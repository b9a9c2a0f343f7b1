package org.lamindb.internal.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lamindb.spi.FormatProvider;
import tech.tablesaw.api.Table;

/**
 * DataFrames as Tablesaw {@link Table}s: {@code .parquet}/{@code .pq} (read and written through
 * DuckDB, see {@link ParquetTableReader} for the type mapping), {@code .csv}/{@code .tsv} and their
 * {@code .gz} forms (Tablesaw, with type inference). Arrow IPC files ({@code .arrow}, {@code
 * .feather}, {@code .ipc}) are recognised by their magic bytes and inspected as DataFrames, but not
 * loaded: no Arrow reader ships with lamindb-java yet.
 *
 * <p>{@link #inspect} gives otype {@code DataFrame}; {@code n_observations} is the Parquet row
 * count from the footer and null for CSV/TSV, as in LaminDB.
 */
public final class DataFrameFormatProvider implements FormatProvider {
  private static final Set<String> CSV = Set.of(".csv", ".tsv", ".csv.gz", ".tsv.gz");
  private static final Set<String> CSV_TAR = Set.of(".csv.tar.gz", ".tsv.tar.gz");
  private static final Set<String> ARROW = Set.of(".arrow", ".feather", ".ipc");
  private static final byte[] ARROW_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public DataFrameFormatProvider() {}

  @Override
  public boolean canLoad(String suffix) {
    String s = Suffixes.normalize(suffix);
    return isParquet(s) || CSV.contains(s) || CSV_TAR.contains(s) || ARROW.contains(s);
  }

  @Override
  public <T> Optional<T> load(Path path, String suffix, Class<T> type) throws IOException {
    if (type != Object.class && type != Table.class) {
      return Optional.empty();
    }
    String s = Suffixes.normalize(suffix);
    if (isParquet(s)) {
      return Optional.of(type.cast(ParquetTableReader.read(path)));
    }
    if (CSV.contains(s) || CSV_TAR.contains(s)) {
      return Optional.of(type.cast(CsvTables.read(path, s)));
    }
    if (ARROW.contains(s)) {
      checkArrowMagic(path);
      throw FormatErrors.unsupported(
          "Loading Arrow IPC files ("
              + path
              + ") into a Table is not supported yet in lamindb-java; use cache() to get the path, or store the"
              + " data as Parquet.");
    }
    return Optional.empty();
  }

  @Override
  public boolean canWrite(Object object) {
    return object instanceof Table;
  }

  @Override
  public String suffixFor(Object object, String requestedSuffix) {
    String s = Suffixes.normalize(requestedSuffix);
    if (s.isEmpty() || s.equals(".parquet")) {
      return ".parquet";
    }
    if (CSV.contains(s)) {
      return s;
    }
    throw FormatErrors.unsupported(
        "A DataFrame is written as .parquet, .csv, .tsv, .csv.gz or .tsv.gz, not '"
            + requestedSuffix
            + "'; change the key's suffix.");
  }

  @Override
  public void write(Object object, Path target, String suffix) throws IOException {
    if (!(object instanceof Table table)) {
      throw FormatErrors.unsupported(
          "Expected a tech.tablesaw.api.Table, got " + object.getClass().getName());
    }
    String s = suffixFor(object, suffix);
    if (s.equals(".parquet")) {
      ParquetTableWriter.write(table, target);
    } else {
      CsvTables.write(table, target, s);
    }
  }

  @Override
  public Optional<FormatInfo> inspect(Path path, String suffix) throws IOException {
    String s = Suffixes.normalize(suffix);
    if (isParquet(s)) {
      return Optional.of(
          java.nio.file.Files.isDirectory(path)
              ? ParquetTableReader.inspectFolder(path)
              : ParquetTableReader.inspect(path));
    }
    if (CSV.contains(s) || CSV_TAR.contains(s)) {
      return Optional.of(CsvTables.inspect(path, s));
    }
    if (ARROW.contains(s)) {
      checkArrowMagic(path);
      return Optional.of(new FormatInfo("DataFrame", null, List.of("Arrow IPC file")));
    }
    return Optional.empty();
  }

  private static boolean isParquet(String suffix) {
    return suffix.equals(".parquet") || suffix.equals(".pq");
  }

  /**
   * Arrow IPC files start with {@code ARROW1}; the stream format starts with a continuation marker
   * instead.
   */
  private static void checkArrowMagic(Path path) {
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw FormatErrors.io(path, "read", e);
    }
    boolean file = n >= 6 && Arrays.equals(Arrays.copyOf(head, 6), ARROW_MAGIC);
    boolean stream =
        n >= 4
            && head[0] == (byte) 0xff
            && head[1] == (byte) 0xff
            && head[2] == (byte) 0xff
            && head[3] == (byte) 0xff;
    if (!file && !stream) {
      throw FormatErrors.malformed(path, "Arrow IPC", "the magic bytes 'ARROW1' are missing", null);
    }
  }
}
