package org.lamindb.formats.anndata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Locates ../shared/data/formats (env LAMIN_SHARED_DATA, else relative to the repo) for tests. */
final class SharedData {
  private SharedData() {}

  static Path formats() {
    String env = System.getenv("LAMIN_SHARED_DATA");
    List<Path> candidates = new ArrayList<>();
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    Path cwd = Path.of("").toAbsolutePath();
    for (Path p = cwd; p != null; p = p.getParent()) {
      candidates.add(p.resolve("../shared/data").normalize());
    }
    for (Path c : candidates) {
      if (Files.isDirectory(c.resolve("formats/h5ad"))) {
        return c.resolve("formats");
      }
    }
    assumeTrue(
        false, "shared test data not found: set LAMIN_SHARED_DATA to the shared/data folder");
    return null;
  }

  /** H5AD_FEATURES.tsv rows keyed by file name. */
  static Map<String, Map<String, String>> h5adFeatures() throws IOException {
    List<String> lines = Files.readAllLines(formats().resolve("h5ad/H5AD_FEATURES.tsv"));
    String[] header = lines.get(0).split("\t", -1);
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], i < f.length ? f[i] : "");
      }
      out.put(f[0], row);
    }
    return out;
  }
}
