package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.ValidationException;
import org.lamindb.internal.core.Access;
import org.lamindb.testing.Backend;
import tech.tablesaw.api.Table;

/**
 * What save accepts (inspect) load reads, and what load rejects save rejects: files DuckDB only
 * fails on when decoding data pages, bad page CRCs, and valid BYTE_STREAM_SPLIT files, crafted with
 * DuckDB in the test, plus every shared Parquet file.
 */
class ParquetSaveLoadAgreementTest {
  private final DataFrameFormatProvider provider = new DataFrameFormatProvider();

  @TempDir Path tmp;

  private static void duck(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long[] dataPage(Path file, String column) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT data_page_offset, total_compressed_size FROM parquet_metadata('"
                    + file
                    + "') WHERE path_in_schema = '"
                    + column
                    + "' AND row_group_id = 0")) {
      assertThat(rs.next()).isTrue();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  /**
   * A zstd-compressed file whose first data page of column {@code v} has its zstd frame magic
   * flipped: the footer and page headers are intact, only decompressing the page fails.
   */
  private Path corruptDataPage() throws Exception {
    Path f = tmp.resolve("flipped.parquet");
    duck(
        "COPY (SELECT i AS id, md5(i::VARCHAR) AS v FROM range(20000) t(i))"
            + " TO '"
            + f
            + "' (FORMAT parquet, COMPRESSION zstd)");
    long[] page = dataPage(f, "v");
    byte[] b = Files.readAllBytes(f);
    int magic = -1;
    for (int i = (int) page[0]; i < page[0] + 64 && magic < 0; i++) {
      if ((b[i] & 0xff) == 0x28
          && (b[i + 1] & 0xff) == 0xb5
          && (b[i + 2] & 0xff) == 0x2f
          && (b[i + 3] & 0xff) == 0xfd) {
        magic = i;
      }
    }
    assertThat(magic).as("zstd frame magic after the page header").isPositive();
    for (int i = 0; i < 4; i++) {
      b[magic + i] ^= (byte) 0xff;
    }
    Files.write(f, b);
    return f;
  }

  @Test
  void aFileThatFailsOnlyWhenItsDataIsDecodedIsRejectedAtSave() throws Exception {
    Path f = corruptDataPage();
    Throwable atLoad = catchThrowable(() -> provider.load(f, ".parquet", Table.class));
    assertThat(atLoad).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> provider.inspect(f, ".parquet"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("flipped.parquet");
  }

  @Test
  void saveOfACorruptFileLeavesNoRow() throws Exception {
    Path f = corruptDataPage();
    try (LaminDB ln = Backend.SQLITE.newInstance(tmp.resolve("instance"))) {
      assertThatThrownBy(() -> ln.artifact(f).key("bad/flipped.parquet").save())
          .isInstanceOf(ValidationException.class);
      assertThat(
              Access.instance(ln)
                  .db()
                  .dsl()
                  .fetchCount(org.jooq.impl.DSL.table("lamindb_artifact")))
          .isZero();
    }
  }

  @Test
  void byteStreamSplitFilesSaveAndLoad() throws Exception {
    Path f = tmp.resolve("bss.parquet");
    duck(
        "COPY (SELECT i::DOUBLE / 4 AS d, (i * 1.5)::FLOAT AS f FROM range(1000) t(i)) TO '"
            + f
            + "' (FORMAT parquet, PARQUET_VERSION V2)");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT string_agg(encodings, ',') FROM parquet_metadata('" + f + "')")) {
      rs.next();
      assertThat(rs.getString(1)).contains("BYTE_STREAM_SPLIT");
    }
    assertThat(provider.inspect(f, ".parquet").orElseThrow().nObservations()).isEqualTo(1000L);
    Table t = provider.load(f, ".parquet", Table.class).orElseThrow();
    assertThat(t.doubleColumn("d").get(999)).isEqualTo(249.75);
    assertThat(t.floatColumn("f").get(2)).isEqualTo(3.0f);
  }

  @Test
  void inspectAndLoadAgreeOnEverySharedParquetFile() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("parquet", "parquet-bad")) {
      Path dir = SharedTestData.formats().resolve(folder);
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(20);
    List<String> disagree = new ArrayList<>();
    for (Path p : files) {
      boolean loads = catchThrowable(() -> provider.load(p, ".parquet", Table.class)) == null;
      boolean saves = catchThrowable(() -> provider.inspect(p, ".parquet")) == null;
      if (loads != saves) {
        disagree.add(p.getFileName() + " (load " + loads + ", save " + saves + ")");
      }
    }
    assertThat(disagree).isEmpty();
  }
}
