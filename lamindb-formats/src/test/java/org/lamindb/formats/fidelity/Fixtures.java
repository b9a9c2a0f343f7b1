package org.lamindb.formats.fidelity;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed fixtures of {@code src/test/resources/fixtures} (see make_fixtures.py there). */
final class Fixtures {
  private Fixtures() {}

  static Path get(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
