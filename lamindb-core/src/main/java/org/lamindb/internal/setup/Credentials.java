package org.lamindb.internal.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lamindb.internal.db.PostgresUrl;

/**
 * Completes a PostgreSQL URL without secrets (as catalogs hold them) from the user's environment:
 * {@code PGUSER} and {@code PGPASSWORD}, else a matching line of {@code PGPASSFILE} or {@code
 * ~/.pgpass} ({@code host:port:database:user:password}, {@code *} matching anything). Credentials
 * never come from a catalog.
 */
public final class Credentials {
  private Credentials() {}

  /**
   * @return {@code url} with user and password filled in from the environment where it has none
   */
  public static PostgresUrl complete(PostgresUrl url, Map<String, String> env) {
    String user = url.user();
    String password = url.password();
    if (user == null) {
      user = blankToNull(env.get("PGUSER"));
    }
    if (password == null) {
      password = blankToNull(env.get("PGPASSWORD"));
    }
    if (password == null) {
      String[] line = pgpassLine(url, user, env);
      if (line != null) {
        password = line[1];
        if (user == null && !line[0].equals("*")) {
          user = line[0];
        }
      }
    }
    return new PostgresUrl(url.host(), url.port(), url.database(), user, password, url.original());
  }

  static String fromPgpass(PostgresUrl url, String user, Map<String, String> env) {
    String[] line = pgpassLine(url, user, env);
    return line == null ? null : line[1];
  }

  /** The user and password of the first matching {@code .pgpass} line, or null. */
  static String[] pgpassLine(PostgresUrl url, String user, Map<String, String> env) {
    String f = env.get("PGPASSFILE");
    Path p =
        f != null && !f.isBlank()
            ? Path.of(f)
            : Path.of(System.getProperty("user.home"), ".pgpass");
    if (!Files.isRegularFile(p)) {
      return null;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(p);
    } catch (IOException e) {
      return null;
    }
    for (String l : lines) {
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("(?<!\\\\):", 5);
      if (parts.length < 5) {
        continue;
      }
      if (match(parts[0], url.host())
          && match(parts[1], Integer.toString(url.port()))
          && match(parts[2], url.database())
          && (user == null || match(parts[3], user))) {
        return new String[] {
          parts[3].replace("\\:", ":"), parts[4].replace("\\:", ":").replace("\\\\", "\\")
        };
      }
    }
    return null;
  }

  private static boolean match(String pattern, String value) {
    return pattern.equals("*") || pattern.replace("\\:", ":").equals(value);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
