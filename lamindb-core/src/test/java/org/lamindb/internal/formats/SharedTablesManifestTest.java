package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.lamindb.InvalidArgumentException;
import org.lamindb.ValidationException;
import org.lamindb.spi.FormatProvider.FormatInfo;
import tech.tablesaw.api.Table;

/**
 * Every MANIFEST.tsv row under parquet/, parquet-bad/, csv/ and arrow/ is either loaded with its
 * expected shape or rejected with a LaminException. A new row without an expectation here fails the
 * test, so none is skipped by accident.
 */
class SharedTablesManifestTest {
  private final DataFrameFormatProvider provider = new DataFrameFormatProvider();

  /**
   * Row counts: upstream documentation (MANIFEST, parquet-testing README and generator code) or the
   * sum of num_values over the data page headers; -1 = expected rejection.
   */
  private static final Map<String, Integer> PARQUET_ROWS =
      Map.ofEntries(
          Map.entry("alltypes_dictionary.parquet", 2),
          Map.entry("alltypes_plain.parquet", 8),
          Map.entry("alltypes_plain.snappy.parquet", 2),
          // pages compressed although is_compressed=0: DuckDB 1.x cannot read this quirk ("Out of
          // buffer")
          Map.entry("arrow-testing_ARROW-17100.parquet", -1),
          Map.entry("arrow-testing_alltypes-java.parquet", 2),
          Map.entry("binary.parquet", 12),
          Map.entry("byte_array_decimal.parquet", 24),
          Map.entry("byte_stream_split.zstd.parquet", 300),
          Map.entry("datapage_v2.snappy.parquet", 5),
          Map.entry("delta_binary_packed.parquet", 200),
          Map.entry("delta_byte_array.parquet", 1000),
          Map.entry("dict-page-offset-zero.parquet", 39),
          Map.entry("fixed_length_decimal.parquet", 24),
          Map.entry("int32_decimal.parquet", 24),
          Map.entry("int64_decimal.parquet", 24),
          Map.entry("list_columns.parquet", 3),
          Map.entry("lz4_raw_compressed.parquet", 4),
          Map.entry("nested_lists.snappy.parquet", 3),
          Map.entry("nested_maps.snappy.parquet", 6),
          Map.entry("non_hadoop_lz4_compressed.parquet", 4),
          Map.entry("null_list.parquet", 1),
          Map.entry("nullable.impala.parquet", 7),
          Map.entry("nulls.snappy.parquet", 8),
          Map.entry("rle_boolean_encoding.parquet", 68),
          Map.entry("ARROW-GH-43605.parquet", 21186));

  @Test
  void everyTableRowOfTheManifestLoadsOrIsRejected() throws Exception {
    Path formats = SharedTestData.formats();
    List<SharedTestData.Entry> rows =
        SharedTestData.manifest("parquet/", "parquet-bad/", "csv/", "arrow/");
    assertThat(rows).hasSizeGreaterThan(50);
    int loaded = 0;
    int rejected = 0;
    for (SharedTestData.Entry row : rows) {
      Path p = formats.resolve(row.relativePath());
      String name = p.getFileName().toString();
      String what = row.relativePath() + " (" + row.description() + ")";
      if (name.endsWith(".md")) {
        continue; // upstream READMEs
      }
      if (row.relativePath().startsWith("arrow/")) {
        checkArrow(p, name, what);
        rejected++;
      } else if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".gz")) {
        String suffix = suffixOf(name);
        if (name.startsWith("nfcore_SampleSheet")) {
          assertThatThrownBy(() -> provider.load(p, suffix, Table.class))
              .as(what)
              .isInstanceOf(ValidationException.class);
          rejected++;
        } else {
          Table t = provider.load(p, suffix, Table.class).orElseThrow();
          assertThat(t.rowCount()).as(what).isEqualTo(dataLines(p, suffix));
          loaded++;
        }
      } else if (row.relativePath().startsWith("parquet-bad/")
          && !name.equals("ARROW-GH-43605.parquet")) {
        assertThatThrownBy(() -> provider.load(p, ".parquet", Table.class))
            .as(what)
            .isInstanceOf(ValidationException.class);
        rejected++;
      } else {
        assertThat(PARQUET_ROWS).as("expectation for " + what).containsKey(name);
        int expected = PARQUET_ROWS.get(name);
        if (expected < 0) {
          assertThatThrownBy(() -> provider.load(p, ".parquet", Table.class))
              .as(what)
              .isInstanceOf(ValidationException.class);
          rejected++;
        } else {
          Table t = provider.load(p, ".parquet", Table.class).orElseThrow();
          FormatInfo info = provider.inspect(p, ".parquet").orElseThrow();
          assertThat(t.rowCount()).as(what).isEqualTo(expected);
          assertThat(info.nObservations()).as(what).isEqualTo((long) expected);
          assertThat(info.otype()).isEqualTo("DataFrame");
          loaded++;
        }
      }
    }
    assertThat(loaded).isGreaterThanOrEqualTo(35);
    assertThat(rejected).isGreaterThanOrEqualTo(15);
  }

  private void checkArrow(Path p, String name, String what) throws Exception {
    if (name.endsWith(".json.gz")) {
      // Arrow integration JSON: the expected values of an Arrow file, plain gzip JSON and not a
      // table format
      assertThat(provider.canLoad(".json.gz")).isFalse();
      return;
    }
    FormatInfo info = provider.inspect(p, ".arrow").orElseThrow();
    assertThat(info.otype()).as(what).isEqualTo("DataFrame");
    assertThatThrownBy(() -> provider.load(p, ".arrow", Table.class))
        .as(what)
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("Arrow IPC");
  }

  private static String suffixOf(String name) {
    String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    String s = base.endsWith(".tsv") ? ".tsv" : ".csv";
    return name.endsWith(".gz") ? s + ".gz" : s;
  }

  /**
   * Lines after the header, not counting leading '#' lines and blank lines, counted without
   * Tablesaw.
   */
  private static int dataLines(Path p, String suffix) throws Exception {
    try (InputStream raw = Files.newInputStream(p);
        InputStream in = suffix.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int count = 0;
      boolean header = false;
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || (!header && line.startsWith("#"))) {
          continue;
        }
        if (!header) {
          header = true;
        } else {
          count++;
        }
      }
      return count;
    }
  }
}
