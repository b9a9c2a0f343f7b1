package org.lamindb.formats;

import org.junit.jupiter.api.Test;
import org.lamindb.testing.ArchitectureRules;

/** lamindb-formats uses only core's exported packages, never {@code org.lamindb.internal..}. */
class ModuleBoundariesTest {
  @Test
  void usesNoCoreInternals() {
    ArchitectureRules.moduleUsesNoCoreInternals("org.lamindb.formats..")
        .check(ArchitectureRules.mainClasses("org.lamindb.formats"));
  }
}
