package org.lamindb.bionty.internal.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** One embedded PostgreSQL server per test JVM (linux-amd64 binaries), started on first use. */
final class PostgresSupport {
  private static EmbeddedPostgres server;
  private static Throwable failure;

  private PostgresSupport() {}

  /**
   * @return the running server; skips the calling test when it cannot start
   */
  static synchronized EmbeddedPostgres server() {
    if (server == null && failure == null) {
      try {
        server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        server.close();
                      } catch (IOException ignored) {
                        // the JVM is exiting
                      }
                    }));
      } catch (IOException | RuntimeException e) {
        failure = e;
      }
    }
    assumeTrue(server != null, () -> "embedded PostgreSQL did not start: " + failure);
    return server;
  }
}
