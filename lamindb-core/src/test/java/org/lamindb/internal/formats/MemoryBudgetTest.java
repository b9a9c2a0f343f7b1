package org.lamindb.internal.formats;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lamindb.InvalidArgumentException;

/** Loads that cannot fit the heap are refused before allocating. */
class MemoryBudgetTest {
  @Test
  void estimatesAboveTheFreeHeapAreRefusedWithAdvice() {
    Path p = Path.of("huge.parquet");
    assertThatThrownBy(
            () -> MemoryBudget.require(p, Runtime.getRuntime().maxMemory() + 1, "10 rows"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("huge.parquet")
        .hasMessageContaining("-Xmx");
    assertThatThrownBy(() -> MemoryBudget.require(p, Long.MAX_VALUE, "overflow"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatCode(() -> MemoryBudget.require(p, 1024, "small")).doesNotThrowAnyException();
  }

  @Test
  void parquetEstimateCountsValuesAndStringBytesAndSaturates() {
    ParquetStructureCheck.Chunk strings =
        new ParquetStructureCheck.Chunk(0, "s", 10, "PLAIN", null, 4, 100, 1000, "BYTE_ARRAY");
    ParquetStructureCheck.Chunk ints =
        new ParquetStructureCheck.Chunk(0, "i", 10, "PLAIN", null, 104, 40, 40, "INT32");
    org.assertj.core.api.Assertions.assertThat(
            ParquetTableReader.heapEstimate(10, 2, java.util.List.of(strings, ints)))
        .isEqualTo(10 * 8 * 2 + 4 * 1000);
    // a corrupt footer declaring 2^62 rows must not overflow into a small number
    org.assertj.core.api.Assertions.assertThat(
            ParquetTableReader.heapEstimate(1L << 62, 1000, java.util.List.of()))
        .isEqualTo(Long.MAX_VALUE);
  }
}
