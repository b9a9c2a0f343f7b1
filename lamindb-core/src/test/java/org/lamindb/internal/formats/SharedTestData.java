package org.lamindb.internal.formats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates {@code shared/data/formats} (files written by other tools) for tests: env {@code
 * LAMIN_SHARED_DATA} first, then {@code shared/data} beside the repository root or any of its
 * ancestors. Tests are skipped with a message when it is absent. Public so that other modules'
 * tests can use it through core's test-jar.
 */
public final class SharedTestData {
  private SharedTestData() {}

  /** One MANIFEST.tsv row. */
  public record Entry(String relativePath, String description) {}

  /**
   * @return the {@code formats} folder, or skips the calling test
   */
  public static Path formats() {
    Path found = find();
    assumeTrue(
        found != null,
        "shared test data not found: set LAMIN_SHARED_DATA to the shared/data folder (with formats/MANIFEST.tsv)");
    return found;
  }

  private static Path find() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("LAMIN_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; dir != null && i < 5; i++, dir = dir.getParent()) {
      candidates.add(dir.resolve("shared").resolve("data"));
    }
    for (Path c : candidates) {
      Path formats = c.resolve("formats");
      if (Files.isRegularFile(formats.resolve("MANIFEST.tsv"))) {
        return formats.normalize();
      }
    }
    return null;
  }

  /**
   * @return every MANIFEST.tsv row whose path starts with one of the prefixes
   */
  public static List<Entry> manifest(String... prefixes) {
    Path formats = formats();
    List<Entry> out = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(formats.resolve("MANIFEST.tsv"));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        for (String p : prefixes) {
          if (f[0].startsWith(p)) {
            out.add(new Entry(f[0], f.length > 5 ? f[5] : ""));
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
