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
}
