package org.lamindb.collection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.LaminException;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.testing.Backend;

/**
 * Core has no Iceberg: without {@code lamindb-spark} on the class path, {@code registerIceberg}
 * says which module to add.
 */
class RegisterIcebergWithoutProviderTest {
  @TempDir Path tmp;

  @Test
  void namesTheModuleToAdd() throws Exception {
    try (LaminDB ln = Backend.SQLITE.newInstance(tmp)) {
      Path f = Files.writeString(tmp.resolve("a.txt"), "x");
      Artifact a = ln.artifact(f).key("a.txt").save();
      Collection c = ln.collection(List.of(a)).key("c").save();
      assertThatThrownBy(() -> c.registerIceberg("instance", "lamin.c"))
          .isInstanceOf(LaminException.class)
          .hasMessageContaining("org.lamindb:lamindb-spark");
      assertThatThrownBy(() -> c.registerIceberg("instance", "no_namespace"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("namespace.table");
      assertThatThrownBy(() -> ln.collection(List.of(a)).registerIceberg("instance", "lamin.c"))
          .isInstanceOf(LaminException.class);
    }
  }
}
