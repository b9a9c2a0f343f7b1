package org.lamindb.bionty;

import org.junit.jupiter.api.Test;
import org.lamindb.testing.ArchitectureRules;

/** lamindb-bionty uses only core's exported packages, never {@code org.lamindb.internal..}. */
class ModuleBoundariesTest {
  @Test
  void usesNoCoreInternals() {
    ArchitectureRules.moduleUsesNoCoreInternals("org.lamindb.bionty..")
        .check(ArchitectureRules.mainClasses("org.lamindb.bionty"));
  }
}
