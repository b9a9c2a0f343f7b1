package org.lamindb.bionty.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.testing.Backend;

class ModuleInitTest {
  @TempDir Path tmp;

  @Test
  void sqliteInstanceWithBionty() {
    try (LaminDB ln =
        Backend.setup(tmp)
            .init(Backend.SQLITE.options(tmp.resolve("storage"), "bt").modules("bionty"))) {
      assertThat(ln.info().toString()).contains("bionty");
      assertThat(ln.registry("bionty.CellType").count()).isZero();
    }
  }
}
