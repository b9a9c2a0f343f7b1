package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.spi.FormatProvider.FormatInfo;

/** A folder of Parquet part files (as Spark writes {@code scores.parquet/}) is one DataFrame. */
class ParquetFolderInspectTest {
  @TempDir Path tmp;

  @Test
  void folderOfPartsIsADataFrameWithTheSummedRowCount() throws Exception {
    Path shared = SharedTestData.formats().resolve("parquet/alltypes_plain.parquet");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared), "shared data not found");
    Path folder = Files.createDirectories(tmp.resolve("scores.parquet"));
    Files.copy(shared, folder.resolve("part-00000.parquet"));
    Files.copy(shared, folder.resolve("part-00001.parquet"));
    Files.writeString(folder.resolve("_SUCCESS"), "");
    FormatInfo info = new DataFrameFormatProvider().inspect(folder, ".parquet").orElseThrow();
    assertThat(info.otype()).isEqualTo("DataFrame");
    assertThat(info.nObservations()).isEqualTo(16L); // alltypes_plain has 8 rows
  }
}
