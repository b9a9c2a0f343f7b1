package org.lamindb.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.lamindb.internal.db.PostgresUrl;

/**
 * PostgreSQL for tests: the server named by {@code LAMIN_TEST_POSTGRES_URL} (e.g. {@code
 * postgresql://postgres@127.0.0.1:5432/postgres}, as .ci/run exports), else an embedded PostgreSQL started once
 * per JVM. Each test instance gets a fresh database.
 */
public final class PostgresTestServer {
  private static String baseUrl;
  private static EmbeddedPostgres embedded;

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

  /** @return URL of a new, empty database on the test server */
  public static String newDatabase() {
    PostgresUrl base = PostgresUrl.parse(baseUrl());
    String name = "lamin_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(base.jdbcUrl(), base.user(), base.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + base.redacted() + ": " + e.getMessage(), e);
    }
    return "postgresql://" + (base.user() == null ? "" : base.user() + (base.password() == null ? "" : ":" + base.password()) + "@")
        + base.host() + ":" + base.port() + "/" + name;
  }
}
