package org.lamindb.storage.s3;

import org.junit.jupiter.api.Test;
import org.lamindb.testing.ArchitectureRules;

/** lamindb-storage-s3 uses only core's exported packages, never {@code org.lamindb.internal..}. */
class ModuleBoundariesTest {
  @Test
  void usesNoCoreInternals() {
    ArchitectureRules.moduleUsesNoCoreInternals("org.lamindb.storage.s3..")
        .check(ArchitectureRules.mainClasses("org.lamindb.storage.s3"));
  }
}
