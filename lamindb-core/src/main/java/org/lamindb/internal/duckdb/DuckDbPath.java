package org.lamindb.internal.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A path DuckDB reads literally. DuckDB's file readers expand glob patterns ({@code *}, {@code ?},
 * {@code [..]}, {@code {..}}), so a file named {@code a*.parquet} would silently read every
 * matching file. For such names this links (or, where links are impossible, copies) the file under
 * a plain name in a private temporary folder.
 */
public final class DuckDbPath implements AutoCloseable {
  private final Path literal;
  private final Path tempDir;

  private DuckDbPath(Path literal, Path tempDir) {
    this.literal = literal;
    this.tempDir = tempDir;
  }

  /**
   * @param path an absolute path
   */
  public static DuckDbPath of(Path path) throws IOException {
    String s = path.toString();
    if (!containsGlob(s)) {
      return new DuckDbPath(path, null);
    }
    Path dir = Files.createTempDirectory("lamindb-duckdb-");
    Path link = dir.resolve("data.parquet");
    try {
      Files.createSymbolicLink(link, path);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(path, link, StandardCopyOption.REPLACE_EXISTING);
    }
    return new DuckDbPath(link, dir);
  }

  public static boolean containsGlob(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}') {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the path to hand to DuckDB
   */
  public String sql() {
    return literal.toString();
  }

  @Override
  public void close() {
    if (tempDir != null) {
      try {
        Files.deleteIfExists(literal);
        Files.deleteIfExists(tempDir);
      } catch (IOException ignored) {
        // a leftover link in the temp folder is harmless
      }
    }
  }
}
