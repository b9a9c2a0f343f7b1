package org.lamindb.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.lamindb.internal.core.CoreModule;
import org.lamindb.internal.db.Database;
import org.lamindb.internal.db.Migrator;
import org.lamindb.internal.db.PostgresUrl;

/**
 * PostgreSQL for tests: the server named by {@code LAMIN_TEST_POSTGRES_URL} (e.g. {@code
 * postgresql://postgres@127.0.0.1:5432/postgres}, as .ci/run exports), else an embedded PostgreSQL
 * started once per JVM. Each test instance gets a fresh database.
 */
public final class PostgresTestServer {
  private static String baseUrl;
  private static EmbeddedPostgres embedded;
  private static String template;
  private static final String PREFIX = "lamin_p" + ProcessHandle.current().pid() + "_";

  private PostgresTestServer() {}

  /**
   * @return URL of an admin database on the test server
   */
  public static synchronized String baseUrl() {
    if (baseUrl == null) {
      String env = System.getenv("LAMIN_TEST_POSTGRES_URL");
      if (env != null && !env.isBlank()) {
        baseUrl = env.strip();
      } else {
        try {
          embedded = EmbeddedPostgres.builder().start();
          Runtime.getRuntime()
              .addShutdownHook(
                  new Thread(
                      () -> {
                        try {
                          embedded.close();
                        } catch (IOException e) {
                          // shutting down
                        }
                      }));
          baseUrl = "postgresql://postgres@127.0.0.1:" + embedded.getPort() + "/postgres";
        } catch (IOException e) {
          throw new IllegalStateException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
      }
    }
    return baseUrl;
  }

  /**
   * @return URL of a new database on the test server that already has the core schema (copied from
   *     a template migrated once per JVM, which keeps PostgreSQL suites fast) but no instance in it
   *     yet
   */
  public static String newDatabase() {
    return createDatabase(template());
  }

  /**
   * @return URL of a new, completely empty database
   */
  public static String newEmptyDatabase() {
    return createDatabase(null);
  }

  private static synchronized String template() {
    if (template == null) {
      String name = createDatabaseName(PREFIX + "tmpl");
      try (Database db = Database.postgres(PostgresUrl.parse(url(name)))) {
        Migrator.migrate(db, new CoreModule(), 0);
      }
      template = name;
    }
    return template;
  }

  private static String createDatabase(String templateName) {
    String name =
        PREFIX
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 12)
                .toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name + (templateName == null ? "" : " TEMPLATE " + templateName));
    dropAtExit(name);
    return url(name);
  }

  private static String createDatabaseName(String prefix) {
    String name =
        prefix
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 12)
                .toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name);
    dropAtExit(name);
    return name;
  }

  private static boolean cleaned;

  /**
   * Remembers nothing at exit (dropping databases is slow); instead each JVM drops, in the
   * background, the test databases of JVMs that are no longer running (their names carry the
   * creating process id).
   */
  private static synchronized void dropAtExit(String name) {
    if (cleaned) {
      return;
    }
    cleaned = true;
    Thread t = new Thread(PostgresTestServer::dropStale, "lamin-test-db-cleanup");
    t.setDaemon(true);
    t.start();
  }

  private static void dropStale() {
    PostgresUrl base = PostgresUrl.parse(baseUrl());
    try (Connection c = DriverManager.getConnection(base.jdbcUrl(), base.user(), base.password());
        Statement s = c.createStatement()) {
      java.util.List<String> stale = new java.util.ArrayList<>();
      try (var rs =
          s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'lamin\\_p%'")) {
        while (rs.next()) {
          String n = rs.getString(1);
          String[] parts = n.split("_");
          if (parts.length >= 3 && parts[1].startsWith("p")) {
            try {
              long pid = Long.parseLong(parts[1].substring(1));
              if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
              }
            } catch (NumberFormatException e) {
              continue;
            }
            stale.add(n);
          }
        }
      }
      for (String n : stale) {
        s.execute("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)");
      }
    } catch (SQLException | RuntimeException e) {
      // cleanup is best effort
    }
  }

  private static void execute(String sql) {
    PostgresUrl base = PostgresUrl.parse(baseUrl());
    try (Connection c = DriverManager.getConnection(base.jdbcUrl(), base.user(), base.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          sql + " failed on " + base.redacted() + ": " + e.getMessage(), e);
    }
  }

  private static String url(String database) {
    PostgresUrl base = PostgresUrl.parse(baseUrl());
    return "postgresql://"
        + (base.user() == null
            ? ""
            : base.user() + (base.password() == null ? "" : ":" + base.password()) + "@")
        + base.host()
        + ":"
        + base.port()
        + "/"
        + database;
  }
}
