package org.lamindb.ui;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lamindb.testing.ArchitectureRules;

/** lamindb-ui uses only core's exported packages, never {@code org.lamindb.internal..}. */
class ModuleBoundariesTest {
  @Test
  void sourcesNameNoCoreInternals() {
    ArchitectureRules.assertSourcesUseNoCoreInternals(Path.of("src/main/java"));
  }

  @Test
  void usesNoCoreInternals() {
    ArchitectureRules.moduleUsesNoCoreInternals("org.lamindb.ui..")
        .check(ArchitectureRules.mainClasses("org.lamindb.ui"));
  }
}
