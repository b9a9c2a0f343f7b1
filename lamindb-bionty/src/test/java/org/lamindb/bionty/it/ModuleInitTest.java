package org.lamindb.bionty.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.internal.db.BiontyRegistries;
import org.lamindb.bionty.model.CellMarker;
import org.lamindb.bionty.model.Organism;
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

  @Test
  void cellMarkersHaveTheSpecUidAndValidate() {
    try (LaminDB ln =
        Backend.setup(tmp)
            .init(Backend.SQLITE.options(tmp.resolve("storage"), "bt").modules("bionty"))) {
      Bionty bt = ln.module(Bionty.class);
      Organism human = bt.organism("human");
      CellMarker cm = (CellMarker) BiontyRegistries.of(BiontyEntity.CELL_MARKER).newEntity(ln);
      cm.organism(human).name("test");
      assertThat(cm.uid()).isEqualTo("2dZ52W9noUDKVE"); // spec fixed vector
      cm.save();
      assertThat(bt.cellMarkers().validate(List.of("test", "TEST"))).containsExactly(true, false);
      assertThat(bt.cellMarkers().standardize(List.of("TEST"))).containsExactly("test");
      assertThatThrownBy(() -> bt.proteins().importSource(Path.of("x.parquet")))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("`organism` is required to import Protein records");
    }
  }
}
