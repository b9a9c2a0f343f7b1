package org.lamindb.cli;

import org.junit.jupiter.api.Test;
import org.lamindb.testing.ArchitectureRules;

/**
 * lamindb-cli, and every module it bundles, uses only core's exported packages, never {@code
 * org.lamindb.internal..}.
 */
class ModuleBoundariesTest {
  @Test
  void usesNoCoreInternals() {
    ArchitectureRules.moduleUsesNoCoreInternals("org.lamindb.cli..")
        .check(ArchitectureRules.mainClasses("org.lamindb.cli"));
  }

  /** Every module on the CLI's class path (bionty, formats, S3, GCS, ...) obeys the same rule. */
  @Test
  void noModuleOnTheClassPathUsesCoreInternals() {
    ArchitectureRules.noModuleUsesCoreInternals()
        .check(ArchitectureRules.mainClasses("org.lamindb"));
  }
}
