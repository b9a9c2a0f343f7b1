package org.lamindb.spark;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lamindb.testing.ArchitectureRules;

/** lamindb-spark uses only core's exported packages, never {@code org.lamindb.internal..}. */
class ModuleBoundariesTest {
  @Test
  void sourcesNameNoCoreInternals() {
    ArchitectureRules.assertSourcesUseNoCoreInternals(Path.of("src/main/java"));
  }

  @Test
  void usesNoCoreInternals() {
    ArchitectureRules.moduleUsesNoCoreInternals("org.lamindb.spark..")
        .check(ArchitectureRules.mainClasses("org.lamindb.spark"));
  }
}
