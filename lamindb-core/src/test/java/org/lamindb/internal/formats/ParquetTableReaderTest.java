package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lamindb.spi.FormatProvider.FormatInfo;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Reads the shared Parquet files (parquet-testing, arrow-testing). Expected values come from the
 * files' upstream documentation and test suites (alltypes_plain ids, decimal 1..24, the lz4 files'
 * four rows, numpy seed 0's first normal), from delta_binary_packed_expect.csv, and from the page
 * headers (ARROW-GH-43605) — never from this reader.
 */
class ParquetTableReaderTest {
  private final DataFrameFormatProvider provider = new DataFrameFormatProvider();

  private Table load(String relative) throws Exception {
    return provider
        .load(SharedTestData.formats().resolve(relative), ".parquet", Table.class)
        .orElseThrow();
  }

  @Test
  void alltypesPlainHasImpalaValuesAndInt96Timestamps() throws Exception {
    Table t = load("parquet/alltypes_plain.parquet");
    assertThat(t.rowCount()).isEqualTo(8);
    assertThat(t.columnNames())
        .containsExactly(
            "id",
            "bool_col",
            "tinyint_col",
            "smallint_col",
            "int_col",
            "bigint_col",
            "float_col",
            "double_col",
            "date_string_col",
            "string_col",
            "timestamp_col");
    assertThat(t.intColumn("id").asList()).containsExactly(4, 5, 6, 7, 2, 3, 0, 1);
    assertThat(t.booleanColumn("bool_col").get(0)).isTrue();
    assertThat(t.booleanColumn("bool_col").get(1)).isFalse();
    assertThat(t.longColumn("bigint_col").asList())
        .containsExactly(0L, 10L, 0L, 10L, 0L, 10L, 0L, 10L);
    assertThat(t.doubleColumn("double_col").get(1)).isEqualTo(10.1);
    // Impala writes strings as un-annotated BINARY: they come back as text
    assertThat(t.stringColumn("date_string_col").asList())
        .containsExactly(
            "03/01/09",
            "03/01/09",
            "04/01/09",
            "04/01/09",
            "02/01/09",
            "02/01/09",
            "01/01/09",
            "01/01/09");
    assertThat(t.stringColumn("string_col").asList())
        .containsExactly("0", "1", "0", "1", "0", "1", "0", "1");
    assertThat(t.dateTimeColumn("timestamp_col").get(0))
        .isEqualTo(LocalDateTime.of(2009, 3, 1, 0, 0));
    assertThat(t.dateTimeColumn("timestamp_col").get(7))
        .isEqualTo(LocalDateTime.of(2009, 1, 1, 0, 1));
  }

  @Test
  void dictionaryAndSnappyVariantsHoldTheirRows() throws Exception {
    assertThat(load("parquet/alltypes_dictionary.parquet").intColumn("id").asList())
        .containsExactly(0, 1);
    assertThat(load("parquet/alltypes_plain.snappy.parquet").intColumn("id").asList())
        .containsExactly(6, 7);
  }

  @Test
  void decimalsOfEveryPhysicalStorage() throws Exception {
    for (String f : List.of("int32_decimal", "int64_decimal", "byte_array_decimal")) {
      Table t = load("parquet/" + f + ".parquet");
      assertThat(t.rowCount()).as(f).isEqualTo(24);
      for (int i = 0; i < 24; i++) {
        assertThat(t.doubleColumn("value").get(i)).as(f).isEqualTo(i + 1.0);
      }
    }
    // DECIMAL(25,2) does not fit a double exactly: exact text
    Table wide = load("parquet/fixed_length_decimal.parquet");
    assertThat(wide.column("value").type()).isEqualTo(ColumnType.STRING);
    assertThat(wide.stringColumn("value").get(0)).isEqualTo("1.00");
    assertThat(wide.stringColumn("value").get(23)).isEqualTo("24.00");
  }

  @Test
  void lz4CodecsBothFramings() throws Exception {
    for (String f : List.of("lz4_raw_compressed", "non_hadoop_lz4_compressed")) {
      Table t = load("parquet/" + f + ".parquet");
      assertThat(t.longColumn("c0").asList())
          .as(f)
          .containsExactly(1593604800L, 1593604800L, 1593604801L, 1593604801L);
      assertThat(t.stringColumn("c1").asList()).as(f).containsExactly("abc", "def", "abc", "def");
      assertThat(t.doubleColumn("v11").asList()).as(f).containsExactly(42.0, 7.7, 42.125, 7.7);
    }
  }

  @Test
  void deltaBinaryPackedMatchesExpectCsv() throws Exception {
    Table t = load("parquet/delta_binary_packed.parquet");
    List<String> expect =
        Files.readAllLines(
            SharedTestData.formats().resolve("parquet/delta_binary_packed_expect.csv"));
    String[] header = expect.get(0).split(",");
    assertThat(t.rowCount()).isEqualTo(expect.size() - 1);
    assertThat(t.columnNames()).containsExactly(header);
    for (int r = 1; r < expect.size(); r++) {
      String[] v = expect.get(r).split(",", -1);
      for (int c = 0; c < header.length; c++) {
        String actual = t.column(c).getString(r - 1);
        assertThat(actual).as("row %d column %s", r - 1, header[c]).isEqualTo(v[c]);
      }
    }
  }

  @Test
  void byteStreamSplitFloatsStartWithNumpySeedZero() throws Exception {
    Table t = load("parquet/byte_stream_split.zstd.parquet");
    assertThat(t.rowCount()).isEqualTo(300);
    assertThat(t.floatColumn("f32").get(0)).isEqualTo((float) 1.764052345967664);
  }

  @Test
  void binaryBytesBecomeHexAndNestedTypesBecomeJson() throws Exception {
    Table bin = load("parquet/binary.parquet");
    assertThat(bin.rowCount()).isEqualTo(12);
    assertThat(bin.stringColumn("foo").get(0)).isEqualTo("00");
    assertThat(bin.stringColumn("foo").get(11)).isEqualTo("0b");

    Table lists = load("parquet/list_columns.parquet");
    assertThat(lists.stringColumn("int64_list").asList())
        .containsExactly("[1,2,3]", "[null,1]", "[4]");
    assertThat(lists.stringColumn("utf8_list").get(0)).isEqualTo("[\"abc\",\"efg\",\"hij\"]");
    assertThat(lists.stringColumn("utf8_list").isMissing(1)).isTrue();

    Table empty = load("parquet/null_list.parquet");
    assertThat(empty.stringColumn("emptylist").asList()).containsExactly("[]");

    Table maps = load("parquet/nested_maps.snappy.parquet");
    assertThat(maps.rowCount()).isEqualTo(6);
    assertThat(maps.intColumn("b").asList()).containsOnly(1);
    assertThat(maps.stringColumn("a").get(0)).startsWith("{");

    Table nested = load("parquet/nested_lists.snappy.parquet");
    assertThat(nested.rowCount()).isEqualTo(3);
    assertThat(nested.stringColumn("a").get(0)).startsWith("[[[");

    Table impala = load("parquet/nullable.impala.parquet");
    assertThat(impala.longColumn("id").asList()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void arrowJavaAllTypesMapToTablesawColumns() throws Exception {
    Table t = load("parquet/arrow-testing_alltypes-java.parquet");
    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(t.columnCount()).isEqualTo(32);
    assertThat(t.column("int8").type()).isEqualTo(ColumnType.SHORT);
    assertThat(t.column("uint8").type()).isEqualTo(ColumnType.SHORT);
    assertThat(t.column("uint16").type()).isEqualTo(ColumnType.INTEGER);
    assertThat(t.column("uint32").type()).isEqualTo(ColumnType.LONG);
    assertThat(t.column("uint64").type()).isEqualTo(ColumnType.LONG);
    assertThat(t.column("float16").type()).isEqualTo(ColumnType.FLOAT);
    assertThat(t.column("date_ms").type()).isEqualTo(ColumnType.LOCAL_DATE);
    assertThat(t.column("timestamp_ms").type()).isEqualTo(ColumnType.LOCAL_DATE_TIME);
    assertThat(t.column("timestamp_ns").type()).isEqualTo(ColumnType.LOCAL_DATE_TIME);
    assertThat(t.column("timestamptz_ms").type()).isEqualTo(ColumnType.INSTANT);
    assertThat(t.column("timestamptz_ns").type()).isEqualTo(ColumnType.INSTANT);
    assertThat(t.column("decimal128").type()).isEqualTo(ColumnType.DOUBLE);
    assertThat(t.column("list").type()).isEqualTo(ColumnType.STRING);
    assertThat(t.column("struct").type()).isEqualTo(ColumnType.STRING);
    assertThat(t.column("null").countMissing()).isEqualTo(2);
  }

  @Test
  void otherEncodingsAndPageVersions() throws Exception {
    Table v2 = load("parquet/datapage_v2.snappy.parquet");
    assertThat(v2.intColumn("b").asList()).containsExactly(1, 2, 3, 4, 5);
    assertThat(v2.stringColumn("a").get(0)).isEqualTo("abc");
    assertThat(load("parquet/delta_byte_array.parquet").shape()).contains("1000 rows X 9 cols");
    assertThat(load("parquet/rle_boolean_encoding.parquet").rowCount()).isEqualTo(68);
    // footer statistics say min = max = 1552
    assertThat(load("parquet/dict-page-offset-zero.parquet").intColumn("l_partkey").asList())
        .hasSize(39)
        .containsOnly(1552);
    Table nulls = load("parquet/nulls.snappy.parquet");
    assertThat(nulls.rowCount()).isEqualTo(8);
    for (int i = 0; i < 8; i++) {
      String v = nulls.stringColumn("b_struct").get(i);
      assertThat(v).isIn("", "{\"b_c_int\":null}");
    }
  }

  @Test
  void bitWidthZeroDictionaryIndicesReadAsTheSingleDictionaryValue() throws Exception {
    // page headers: a one-entry dictionary page, then one v2 data page with 21186 values and 0
    // nulls
    Table t = load("parquet-bad/ARROW-GH-43605.parquet");
    assertThat(t.rowCount()).isEqualTo(21186);
    assertThat(t.column(0).countMissing()).isZero();
    assertThat(t.column(0).unique().size()).isEqualTo(1);
  }

  @Test
  void inspectReadsRowCountFromTheFooter() throws Exception {
    FormatInfo info =
        provider
            .inspect(SharedTestData.formats().resolve("parquet/alltypes_plain.parquet"), ".parquet")
            .orElseThrow();
    assertThat(info.otype()).isEqualTo("DataFrame");
    assertThat(info.nObservations()).isEqualTo(8L);
    assertThat(info.summary().get(0)).contains("8 rows", "11 columns");
    assertThat(info.summary().get(1)).contains("id (INTEGER)", "timestamp_col (TIMESTAMP)");
  }

  @Test
  void globCharactersInNamesReadOnlyThatFile(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path formats = SharedTestData.formats();
    // DuckDB would expand 'a*.parquet' to all three files and 'a[1].parquet' to a1.parquet
    Files.copy(formats.resolve("parquet/alltypes_dictionary.parquet"), dir.resolve("a*.parquet"));
    Files.copy(formats.resolve("parquet/alltypes_plain.parquet"), dir.resolve("ab.parquet"));
    Files.copy(formats.resolve("parquet/alltypes_plain.snappy.parquet"), dir.resolve("a1.parquet"));
    Files.copy(formats.resolve("parquet/int32_decimal.parquet"), dir.resolve("a[1].parquet"));
    assertThat(
            provider
                .load(dir.resolve("a*.parquet"), ".parquet", Table.class)
                .orElseThrow()
                .rowCount())
        .isEqualTo(2);
    assertThat(
            provider.inspect(dir.resolve("a*.parquet"), ".parquet").orElseThrow().nObservations())
        .isEqualTo(2L);
    assertThat(
            provider
                .load(dir.resolve("a[1].parquet"), ".parquet", Table.class)
                .orElseThrow()
                .rowCount())
        .isEqualTo(24);
    Path out = dir.resolve("out{x,y}?.parquet");
    provider.write(load("parquet/alltypes_plain.parquet"), out, ".parquet");
    assertThat(Files.exists(out)).isTrue();
    assertThat(provider.load(out, ".parquet", Table.class).orElseThrow().rowCount()).isEqualTo(8);
  }

  @Test
  void pathsWithQuotesAreSafe(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path odd = dir.resolve("it's a \"file\"; DROP TABLE x.parquet");
    Files.copy(SharedTestData.formats().resolve("parquet/alltypes_plain.parquet"), odd);
    assertThat(provider.load(odd, ".parquet", Table.class).orElseThrow().rowCount()).isEqualTo(8);
    Path out = dir.resolve("o'ut.parquet");
    provider.write(provider.load(odd, ".parquet", Table.class).orElseThrow(), out, ".parquet");
    assertThat(provider.inspect(out, ".parquet").orElseThrow().nObservations()).isEqualTo(8L);
  }
}
