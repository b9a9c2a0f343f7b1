package org.lamindb.storage.gcs;

import org.junit.jupiter.api.Test;
import org.lamindb.testing.ArchitectureRules;

/** lamindb-storage-gcs uses only core's exported packages, never {@code org.lamindb.internal..}. */
class ModuleBoundariesTest {
  @Test
  void usesNoCoreInternals() {
    ArchitectureRules.moduleUsesNoCoreInternals("org.lamindb.storage.gcs..")
        .check(ArchitectureRules.mainClasses("org.lamindb.storage.gcs"));
  }
}
