package org.lamindb.internal.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.lamindb.InvalidArgumentException;

/**
 * A PostgreSQL URL as LaminDB takes it ({@code postgresql://user:password@host:port/db}), also
 * accepting {@code postgres://} and {@code jdbc:postgresql://}.
 *
 * @param host host name
 * @param port port (5432 when omitted)
 * @param database database name
 * @param user user or null
 * @param password password or null
 * @param original the URL as given
 */
public record PostgresUrl(
    String host, int port, String database, String user, String password, String original) {

  /** Parses {@code url}; throws InvalidArgumentException naming the problem. */
  public static PostgresUrl parse(String url) {
    String u = url.trim();
    if (u.startsWith("jdbc:")) {
      u = u.substring(5);
    }
    if (!(u.startsWith("postgresql://") || u.startsWith("postgres://"))) {
      throw new InvalidArgumentException(
          "not a PostgreSQL URL: '"
              + url
              + "'; use postgresql://user[:password]@host[:port]/database");
    }
    URI uri;
    try {
      uri = new URI(u);
    } catch (URISyntaxException e) {
      throw new InvalidArgumentException(
          "malformed PostgreSQL URL '"
              + redact(url)
              + "': "
              + e.getReason()
              + "; use postgresql://user[:password]@host[:port]/database",
          e);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidArgumentException(
          "PostgreSQL URL '"
              + redact(url)
              + "' has no host; use postgresql://user@host:port/database");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (path.isEmpty() || path.contains("/")) {
      throw new InvalidArgumentException(
          "PostgreSQL URL '"
              + redact(url)
              + "' must name one database, as in postgresql://user@host:5432/mydb");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      if (parts.length == 2) {
        password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
      }
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    return new PostgresUrl(uri.getHost(), port, path, user, password, url);
  }

  /**
   * @return the JDBC URL without credentials
   */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /**
   * @return the URL with the password replaced by {@code ***}
   */
  public String redacted() {
    return "postgresql://"
        + (user == null ? "" : user + (password == null ? "" : ":***") + "@")
        + host
        + ":"
        + port
        + "/"
        + database;
  }

  /**
   * @return {@link #redacted()}: a URL in a log line or an exception message never shows the
   *     password
   */
  @Override
  public String toString() {
    return redacted();
  }

  /**
   * @return {@code text} with the password of every {@code scheme://user:password@} URL in it
   *     replaced by {@code ***}
   */
  public static String redact(String text) {
    return text == null ? null : text.replaceAll("(//[^:/@\\s]+):[^@/\\s]*@", "$1:***@");
  }
}
