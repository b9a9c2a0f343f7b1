package org.lamindb.bionty;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared ontology files (env {@code LAMIN_SHARED_DATA}, else a {@code shared/data}
 * folder above).
 */
public final class SharedData {
  private SharedData() {}

  /**
   * @return the folder of ontology files: {@code $LAMIN_SHARED_DATA/ontologies}, else the first
   *     {@code shared/data/ontologies} found walking up from the working directory; skips the
   *     calling test when none exists
   */
  public static Path ontologies() {
    String env = System.getenv("LAMIN_SHARED_DATA");
    if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env, "ontologies"))) {
      return Path.of(env, "ontologies");
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path dir = p.resolve("shared").resolve("data").resolve("ontologies");
      if (Files.isDirectory(dir)) {
        return dir;
      }
    }
    assumeTrue(
        false,
        "shared ontology files not found (set LAMIN_SHARED_DATA to the shared data folder); skipping");
    return null;
  }

  /**
   * @return a file of the shared ontology folder; skips the calling test when it is absent
   */
  public static Path file(String name) {
    Path f = ontologies().resolve(name);
    assumeTrue(Files.isRegularFile(f), "shared file " + f + " not found; skipping");
    return f;
  }
}
