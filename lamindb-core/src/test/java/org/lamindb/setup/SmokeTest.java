package org.lamindb.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.model.ULabel;
import org.lamindb.testing.Backend;

class SmokeTest {
  @TempDir Path tmp;

  @Test
  void sqlite() {
    try (LaminDB ln = Backend.SQLITE.newInstance(tmp)) {
      ULabel l = ln.ulabel("My label").save();
      assertThat(l.uid()).hasSize(8);
      assertThat(ln.ulabels().filter("name", "My label").count()).isEqualTo(1);
    }
  }

  @Test
  void postgres() {
    try (LaminDB ln = Backend.POSTGRES.newInstance(tmp)) {
      ULabel l = ln.ulabel("My label").save();
      assertThat(l.uid()).hasSize(8);
      assertThat(ln.ulabels().filter("name", "My label").count()).isEqualTo(1);
    }
  }
}
