package org.lamindb.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminException;
import org.lamindb.LaminSetup;
import org.lamindb.internal.db.PostgresUrl;
import org.lamindb.testing.Backend;
import org.lamindb.testing.PostgresTestServer;

/**
 * A PostgreSQL password in an instance URL is never printed (errors, info, logs, toString) and the
 * settings files that hold it are readable by their owner only.
 */
class PostgresSecretsTest {
  static final String SECRET = "s3cr3t-Pw9";

  @TempDir Path tmp;

  private static String withPassword(String url) {
    return url.replaceFirst("postgresql://([^@:/]+)@", "postgresql://$1:" + SECRET + "@");
  }

  @Test
  void thePasswordIsMaskedEverywhereAndItsSettingsFileIsPrivate() throws Exception {
    String url = withPassword(PostgresTestServer.newDatabase());
    assertThat(url).contains(SECRET);
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    LaminSetup setup = Backend.setup(tmp);
    InitOptions o = InitOptions.storage(tmp.resolve("storage").toString()).name("sec").db(url);
    try {
      System.setErr(capture);
      System.setOut(capture);
      try (LaminDB ln = setup.init(o)) {
        ln.ulabel("x").save();
      }
      try (LaminDB ln = setup.connect("sec")) {
        assertThat(ln.ulabels().count()).isEqualTo(1);
      }
      // an unreachable server: the error names the URL, masked
      String bad = "postgresql://postgres:" + SECRET + "@127.0.0.1:1/nodb";
      assertThatThrownBy(
              () -> setup.init(InitOptions.storage(tmp.resolve("s2").toString()).db(bad)))
          .isInstanceOf(LaminException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).contains(":***@"));
      assertThatThrownBy(() -> PostgresUrl.parse("postgresql://u:" + SECRET + "@/nodb"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
    String shown = setup.info().orElseThrow().db();
    assertThat(shown).doesNotContain(SECRET).contains("postgres:***@");
    assertThat(o.toString()).doesNotContain(SECRET);
    assertThat(PostgresUrl.parse(url).toString()).doesNotContain(SECRET);

    List<Path> holding;
    try (var walk = Files.walk(setup.home())) {
      holding =
          walk.filter(Files::isRegularFile)
              .filter(
                  f -> {
                    try {
                      return Files.readString(f).contains(SECRET);
                    } catch (Exception e) {
                      return false;
                    }
                  })
              .toList();
    }
    assertThat(holding).as("settings files holding the password").isNotEmpty();
    for (Path f : holding) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
          .as("permissions of " + f)
          .isEqualTo("rw-------");
    }
  }
}
