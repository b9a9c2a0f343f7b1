package org.lamindb.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

  /**
   * The source-level twin of {@link #moduleUsesNoCoreInternals}: bytecode does not show a
   * compile-time constant of an internal class (javac inlines it), the source does.
   *
   * @param sourceRoot e.g. {@code src/main/java} of the module under test
   * @throws AssertionError naming every source file that mentions {@code org.lamindb.internal.}
   */
  public static void assertSourcesUseNoCoreInternals(Path sourceRoot) {
    if (!Files.isDirectory(sourceRoot)) {
      throw new AssertionError("no source folder " + sourceRoot.toAbsolutePath());
    }
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      List<String> bad =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(ArchitectureRules::mentionsCoreInternals)
              .map(f -> sourceRoot.relativize(f).toString())
              .sorted()
              .toList();
      if (!bad.isEmpty()) {
        throw new AssertionError(
            "these sources use org.lamindb.internal (use org.lamindb.spi / org.lamindb.storage): "
                + bad);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean mentionsCoreInternals(Path f) {
    try {
      return Files.readString(f).contains("org.lamindb.internal.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
