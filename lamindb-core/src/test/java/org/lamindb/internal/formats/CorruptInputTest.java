package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminException;
import org.lamindb.ValidationException;
import tech.tablesaw.api.Table;

/**
 * Bad input never escapes as anything but a {@link LaminException} naming the file: the shared
 * parquet-bad files, truncated and byte-flipped copies of every good Parquet and CSV file (seeded),
 * and content under the wrong suffix.
 */
class CorruptInputTest {
  private final DataFrameFormatProvider provider = new DataFrameFormatProvider();

  @TempDir Path tmp;

  private static List<Path> files(String folder, String glob) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(SharedTestData.formats().resolve(folder))) {
      s.filter(p -> p.getFileName().toString().matches(glob)).sorted().forEach(out::add);
    }
    return out;
  }

  @Test
  void everyParquetBadFileIsRejectedWithTheFileName() throws Exception {
    List<Path> bad = files("parquet-bad", ".*\\.parquet(\\.encrypted)?");
    assertThat(bad).hasSizeGreaterThanOrEqualTo(11);
    for (Path p : bad) {
      if (p.getFileName().toString().equals("ARROW-GH-43605.parquet")) {
        // valid by the format: a one-entry dictionary needs 0-bit indices (recent pyarrow reads it
        // too); see
        // ParquetTableReaderTest.bitWidthZeroDictionaryIndicesReadAsTheSingleDictionaryValue
        continue;
      }
      assertThatThrownBy(() -> provider.load(p, ".parquet", Table.class))
          .as(p.getFileName().toString())
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining(p.getFileName().toString());
    }
  }

  @Test
  void checksumAndChunkBoundsReasonsAreNamed() throws Exception {
    Path formats = SharedTestData.formats();
    assertThatThrownBy(
            () ->
                provider.load(
                    formats.resolve("parquet-bad/datapage_v1-corrupt-checksum.parquet"),
                    ".parquet",
                    Table.class))
        .hasMessageContaining("CRC-32");
    assertThatThrownBy(
            () ->
                provider.load(
                    formats.resolve("parquet-bad/nation.dict-malformed.parquet"),
                    ".parquet",
                    Table.class))
        .hasMessageContaining("runs past the end of its column chunk");
    assertThatThrownBy(
            () ->
                provider.load(
                    formats.resolve("parquet-bad/uniform_encryption.parquet.encrypted"),
                    ".parquet",
                    Table.class))
        .hasMessageContaining("encrypted");
    assertThatThrownBy(
            () -> provider.inspect(formats.resolve("parquet-bad/PARQUET-1481.parquet"), ".parquet"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void truncatedCopiesOfEveryGoodParquetFileAreRejected() throws Exception {
    for (Path p : files("parquet", ".*\\.parquet")) {
      byte[] all = Files.readAllBytes(p);
      for (int len : new int[] {0, 3, all.length / 2, all.length - 1}) {
        Path cut = tmp.resolve("cut-" + len + "-" + p.getFileName());
        Files.write(cut, java.util.Arrays.copyOf(all, len));
        assertThatThrownBy(() -> provider.load(cut, ".parquet", Table.class))
            .as("%s cut to %d bytes", p.getFileName(), len)
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining(cut.getFileName().toString());
        assertThatThrownBy(() -> provider.inspect(cut, ".parquet"))
            .isInstanceOf(ValidationException.class);
      }
    }
  }

  @Test
  void byteFlippedParquetFilesLoadOrFailCleanly() throws Exception {
    Random random = new Random(20261127L);
    int rejected = 0;
    int loaded = 0;
    for (Path p : files("parquet", ".*\\.parquet")) {
      byte[] all = Files.readAllBytes(p);
      for (int round = 0; round < 8; round++) {
        byte[] copy = all.clone();
        // half the rounds hit the footer, where the metadata lives
        int from = round % 2 == 0 ? Math.max(4, copy.length - 200) : 4;
        for (int k = 0; k < 3; k++) {
          int at = from + random.nextInt(Math.max(1, copy.length - 8 - from));
          copy[at] = (byte) random.nextInt(256);
        }
        Path f = tmp.resolve("flip-" + round + "-" + p.getFileName());
        Files.write(f, copy);
        Throwable t = catchThrowable(() -> provider.load(f, ".parquet", Table.class));
        if (t == null) {
          loaded++;
        } else {
          assertThat(t)
              .as("%s round %d", p.getFileName(), round)
              .isInstanceOf(LaminException.class);
          assertThat(t.getMessage()).contains(f.getFileName().toString());
          rejected++;
        }
      }
    }
    assertThat(rejected).isPositive();
    assertThat(loaded + rejected).isEqualTo(files("parquet", ".*\\.parquet").size() * 8);
  }

  @Test
  void truncatedAndCorruptedCsvCopiesFailCleanlyOrLoad() throws Exception {
    for (Path p : files("csv", ".*")) {
      String name = p.getFileName().toString();
      String suffix =
          name.endsWith(".gz")
              ? (name.contains(".tsv") ? ".tsv.gz" : ".csv.gz")
              : (name.endsWith(".tsv") ? ".tsv" : ".csv");
      byte[] all = Files.readAllBytes(p);
      Path cut = tmp.resolve("cut-" + name);
      Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
      Throwable t = catchThrowable(() -> provider.load(cut, suffix, Table.class));
      if (suffix.endsWith(".gz")) {
        // a gzip stream cut in half always lacks its trailer
        assertThat(t)
            .as(name)
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining(cut.getFileName().toString());
      } else if (t != null) {
        assertThat(t).as(name).isInstanceOf(LaminException.class);
      }
    }
  }

  @Test
  void wrongSuffixForTheContentIsRejected() throws Exception {
    Path formats = SharedTestData.formats();
    Path csvAsParquet = tmp.resolve("table.parquet");
    Files.copy(formats.resolve("csv/anndata_adata.csv"), csvAsParquet);
    assertThatThrownBy(() -> provider.load(csvAsParquet, ".parquet", Table.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("PAR1");

    Path parquetAsCsvGz = tmp.resolve("table.csv.gz");
    Files.copy(formats.resolve("parquet/alltypes_plain.parquet"), parquetAsCsvGz);
    assertThatThrownBy(() -> provider.load(parquetAsCsvGz, ".csv.gz", Table.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("gzip");

    Path parquetAsCsv = tmp.resolve("table.csv");
    Files.copy(formats.resolve("parquet/alltypes_plain.parquet"), parquetAsCsv);
    assertThatThrownBy(() -> provider.load(parquetAsCsv, ".csv", Table.class))
        .isInstanceOf(LaminException.class);

    Path parquetAsArrow = tmp.resolve("table.arrow");
    Files.copy(formats.resolve("parquet/alltypes_plain.parquet"), parquetAsArrow);
    assertThatThrownBy(() -> provider.inspect(parquetAsArrow, ".arrow"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ARROW1");
  }

  @Test
  void invalidUtf8InCsvIsRejected() throws Exception {
    Path f = tmp.resolve("latin1.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(
          "name,value\nna\u00efve,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    assertThatThrownBy(() -> provider.load(f, ".csv.gz", Table.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void missingFileIsAStorageError() {
    Path nowhere = tmp.resolve("nowhere.parquet");
    assertThatThrownBy(() -> provider.load(nowhere, ".parquet", Table.class))
        .isInstanceOf(org.lamindb.StorageException.class)
        .hasMessageContaining("nowhere.parquet");
  }
}
