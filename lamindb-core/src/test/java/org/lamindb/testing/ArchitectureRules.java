package org.lamindb.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The import rules of docs/architecture.md as ArchUnit rules, shared by the architecture tests of
 * core and of every module (lamindb-bionty, -formats, -storage-s3, -storage-gcs, -cli, ...).
 */
public final class ArchitectureRules {
  /** Core's internal packages; no module and no public core package may use them. */
  public static final String CORE_INTERNALS = "org.lamindb.internal..";

  /**
   * Core's packages: the exported API ({@code org.lamindb}, {@code .model}, {@code .query}, {@code
   * .lineage}, {@code .curate}, {@code .storage}, {@code .spi}, later {@code .ml}) and its
   * internals. Everything else below {@code org.lamindb} is a module.
   */
  public static final String[] CORE_PACKAGES = {
    "org.lamindb",
    "org.lamindb.model..",
    "org.lamindb.query..",
    "org.lamindb.lineage..",
    "org.lamindb.curate..",
    "org.lamindb.storage",
    "org.lamindb.spi..",
    "org.lamindb.ml..",
    CORE_INTERNALS
  };

  /** Core's exported packages that must not import {@link #CORE_INTERNALS}. */
  public static final String[] CORE_PUBLIC_PACKAGES = {
    "org.lamindb.model..",
    "org.lamindb.query..",
    "org.lamindb.spi..",
    "org.lamindb.storage",
    "org.lamindb.lineage..",
    "org.lamindb.curate..",
    "org.lamindb.ml.."
  };

  private ArchitectureRules() {}

  /**
   * @param packages package names, e.g. {@code org.lamindb.bionty} (sub-packages included)
   * @return the production classes of those packages on the class path (no test classes)
   */
  public static JavaClasses mainClasses(String... packages) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ArchitectureRules::notATestJar)
        .importPackages(packages);
  }

  private static boolean notATestJar(com.tngtech.archunit.core.importer.Location location) {
    return !location.contains("-tests.jar") && !location.contains("/test-classes/");
  }

  /**
   * @param modulePackages the module's root packages, e.g. {@code org.lamindb.bionty..}
   * @return the rule that the module's classes use no core internals (only exported packages)
   */
  public static ArchRule moduleUsesNoCoreInternals(String... modulePackages) {
    return noClasses()
        .that()
        .resideInAnyPackage(modulePackages)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CORE_INTERNALS)
        .because(
            "modules compile against core's exported packages only; what they need is SPI"
                + " (org.lamindb.spi, org.lamindb.storage), see docs/architecture.md");
  }

  /**
   * @return the rule that no class outside core's packages (any module on the class path) uses core
   *     internals
   */
  public static ArchRule noModuleUsesCoreInternals() {
    return noClasses()
        .that()
        .resideInAPackage("org.lamindb..")
        .and()
        .resideOutsideOfPackages(CORE_PACKAGES)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CORE_INTERNALS)
        .because("modules compile against core's exported packages only (docs/architecture.md)");
  }
}
