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
 * postgresql://postgres@127.0.0.1:5432/postgres}, as .ci/run exports), else an embedded PostgreSQL started once
 * per JVM. Each test instance gets a fresh database.
 */
public final class PostgresTestServer {
  private static String baseUrl;
  private static EmbeddedPostgres embedded;
  private static String template;

  private PostgresTestServer() {}

  /** @return URL of an admin database on the test server */
  public static synchronized String baseUrl() {
    if (baseUrl == null) {
      String env = System.getenv("LAMIN_TEST_POSTGRES_URL");
      if (env != null && !env.isBlank()) {
        baseUrl = env.strip();
      } else {
        try {
          embedded = EmbeddedPostgres.builder().start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
   * @return URL of a new database on the test server that already has the core schema (copied from a template
   *     migrated once per JVM, which keeps PostgreSQL suites fast) but no instance in it yet
   */
  public static String newDatabase() {
    return createDatabase(template());
  }

  /** @return URL of a new, completely empty database */
  public static String newEmptyDatabase() {
    return createDatabase(null);
  }

  private static synchronized String template() {
    if (template == null) {
      String name = createDatabaseName("lamin_tmpl_");
      try (Database db = Database.postgres(PostgresUrl.parse(url(name)))) {
        Migrator.migrate(db, new CoreModule(), 0);
      }
      template = name;
    }
    return template;
  }

  private static String createDatabase(String templateName) {
    String name = "lamin_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name + (templateName == null ? "" : " TEMPLATE " + templateName));
    dropAtExit(name);
    return url(name);
  }

  private static String createDatabaseName(String prefix) {
    String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name);
    dropAtExit(name);
    return name;
  }

  private static final java.util.List<String> CREATED = new java.util.ArrayList<>();

  /** Drops the databases this JVM created when it exits, so the shared server does not fill up. */
  private static synchronized void dropAtExit(String name) {
    if (CREATED.isEmpty() && embedded == null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        java.util.List<String> names;
        synchronized (PostgresTestServer.class) {
          names = new java.util.ArrayList<>(CREATED);
        }
        java.util.Collections.reverse(names);
        for (String n : names) {
          try {
            execute("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)");
          } catch (RuntimeException e) {
            // best effort at exit
          }
        }
      }));
    }
    CREATED.add(name);
  }

  private static void execute(String sql) {
    PostgresUrl base = PostgresUrl.parse(baseUrl());
    try (Connection c = DriverManager.getConnection(base.jdbcUrl(), base.user(), base.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + base.redacted() + ": " + e.getMessage(), e);
    }
  }

  private static String url(String database) {
    PostgresUrl base = PostgresUrl.parse(baseUrl());
    return "postgresql://" + (base.user() == null ? "" : base.user() + (base.password() == null ? "" : ":" + base.password()) + "@")
        + base.host() + ":" + base.port() + "/" + database;
  }
}
