package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.testing.PostgresTestServer;

/**
 * The real {@code lamin} commands, run as processes through bin/lamin in a temporary $LAMIN_HOME.
 */
class CliTest {
  @TempDir Path tmp;
  LaminProcess lamin;

  @BeforeEach
  void setUp() {
    lamin = new LaminProcess(tmp.resolve("home"), Map.of());
  }

  @Test
  void initInfoConnectDisconnect() throws Exception {
    var init = lamin.run("init", "--storage", tmp.resolve("mydata").toString());
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.out()).contains("→ initialized lamindb: anonymous/mydata");
    assertThat(tmp.resolve("mydata/.lamindb/lamin.db")).exists();
    var info = lamin.run("info");
    assertThat(info.out())
        .contains(
            "Instance: anonymous/mydata",
            "storage: " + tmp.resolve("mydata").toRealPath(),
            "db: sqlite:",
            "Settings dir: " + tmp.resolve("home"));
    assertThat(lamin.run("disconnect").out()).contains("disconnected from anonymous/mydata");
    assertThat(lamin.run("info").out()).contains("Instance: none");
    assertThat(lamin.run("connect", "mydata").out())
        .contains("→ connected lamindb: anonymous/mydata");
    assertThat(lamin.run("settings", "instance", "get").out().strip())
        .isEqualTo("anonymous/mydata");
  }

  @Test
  void instanceEnvironmentVariableOverridesTheCurrentInstance() throws Exception {
    lamin.run("init", "--storage", tmp.resolve("one").toString());
    lamin.run("init", "--storage", tmp.resolve("two").toString());
    var other = new LaminProcess(tmp.resolve("home"), Map.of("LAMIN_INSTANCE", "anonymous/one"));
    assertThat(other.run("info").out()).contains("Instance: anonymous/one");
    assertThat(lamin.run("info").out()).contains("Instance: anonymous/two");
  }

  @Test
  void saveLoadDescribeDeleteRestore() throws Exception {
    lamin.run("init", "--storage", tmp.resolve("data").toString());
    Path f = Files.writeString(tmp.resolve("myfile.txt"), "hello");
    var save = lamin.run("save", f.toString(), "--key", "examples/myfile.txt");
    assertThat(save.exit()).as(save.err()).isZero();
    String uid = save.out().replaceAll("(?s).*uid=(\\w{20}).*", "$1");
    assertThat(uid).hasSize(20);
    var load = lamin.run("load", "--key", "examples/myfile.txt");
    List<String> lines = load.outLines();
    Path local = Path.of(lines.get(lines.size() - 1));
    assertThat(local).hasContent("hello");
    assertThat(lamin.run("load", uid).outLines()).last().isEqualTo(local.toString());
    var describe = lamin.run("describe", "examples/myfile.txt");
    assertThat(describe.out())
        .startsWith("Artifact: examples/myfile.txt (0000)")
        .contains("uid: " + uid, "storage/path: " + local);
    assertThat(lamin.run("delete", "artifact", "examples/myfile.txt").out())
        .contains("moved artifact " + uid + " to trash");
    var gone = lamin.run("load", "--key", "examples/myfile.txt");
    assertThat(gone.exit()).isEqualTo(1);
    assertThat(gone.err()).startsWith("✗ no artifact with uid or key 'examples/myfile.txt'");
    assertThat(lamin.run("restore", "artifact", uid).out()).contains("restored artifact " + uid);
    assertThat(lamin.run("load", "--key", "examples/myfile.txt").exit()).isZero();
    assertThat(lamin.run("delete", "artifact", uid, "--permanent").exit()).isZero();
    assertThat(local).doesNotExist();
  }

  @Test
  void saveWithoutKeyOrDescriptionIsAOneLineError() throws Exception {
    lamin.run("init", "--storage", tmp.resolve("data").toString());
    Path f = Files.writeString(tmp.resolve("x.txt"), "x");
    var r = lamin.run("save", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .startsWith("✗ pass --key or --description")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  void userErrorsAreOneLineWithoutStackTraceUnlessVerbose() throws Exception {
    var r = lamin.run("connect", "nosuch");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip()).startsWith("✗ no instance 'nosuch'").doesNotContain("\n");
    var bad = lamin.run("init", "--storage", tmp.resolve("d").toString(), "--name", "Bad Name");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err().strip()).startsWith("✗ invalid instance name 'Bad Name'");
    assertThat(tmp.resolve("d")).doesNotExist();
    var verbose = lamin.run("--verbose", "connect", "nosuch");
    assertThat(verbose.err()).contains("org.lamindb.NotFoundException", "\tat ");
  }

  @Test
  void corruptSettingsFileIsExplained() throws Exception {
    lamin.run("init", "--storage", tmp.resolve("data").toString());
    Files.writeString(tmp.resolve("home/current_instance.env"), "garbage\n");
    var r = lamin.run("load", "--key", "x");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("is corrupt (line 1");
  }

  @Test
  void postgresInstanceWithWrongPortFailsClearly() throws Exception {
    var r =
        lamin.run(
            "init",
            "--storage",
            tmp.resolve("pg").toString(),
            "--db",
            "postgresql://postgres@127.0.0.1:1/x");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("✗ cannot connect to PostgreSQL at postgresql://postgres@127.0.0.1:1/x");
    assertThat(tmp.resolve("pg")).doesNotExist();
  }

  @Test
  void postgresInstanceRoundTrip() throws Exception {
    String db = PostgresTestServer.newEmptyDatabase();
    var init =
        lamin.run(
            "init", "--storage", tmp.resolve("pgdata").toString(), "--db", db, "--name", "pgi");
    assertThat(init.exit()).as(init.err()).isZero();
    Path f = Files.writeString(tmp.resolve("p.txt"), "pg");
    assertThat(lamin.run("save", f.toString(), "--key", "p.txt").exit()).isZero();
    assertThat(lamin.run("info").out())
        .contains("Instance: anonymous/pgi", "db: postgresql://postgres@");
    assertThat(Path.of(lamin.run("load", "--key", "p.txt").outLines().get(0))).hasContent("pg");
  }

  @Test
  void loginDeleteAndMigrate() throws Exception {
    assertThat(lamin.run("login", "alice").out()).contains("logged in as alice");
    lamin.run("init", "--storage", tmp.resolve("del").toString());
    assertThat(lamin.run("info").out()).contains("User: alice", "Instance: alice/del");
    assertThat(lamin.run("migrate").out()).contains("lamindb: schema version");
    var refused = lamin.run("delete", "del");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("without --force");
    Files.writeString(tmp.resolve("del/mine.txt"), "mine");
    assertThat(lamin.run("delete", "--force", "del").exit()).isZero();
    assertThat(tmp.resolve("del/.lamindb")).doesNotExist();
    assertThat(tmp.resolve("del/mine.txt")).hasContent("mine");
    assertThat(lamin.run("info").out()).contains("Instance: none");
  }

  @Test
  void repairListsAndRemovesOrphans() throws Exception {
    lamin.run("init", "--storage", tmp.resolve("r").toString());
    Path orphan = Files.writeString(tmp.resolve("r/.lamindb/ZZZZZZZZZZZZZZZZ0000.txt"), "no row");
    var dry = lamin.run("repair", "--dry-run");
    assertThat(dry.out())
        .contains(
            "keep: " + orphan.toRealPath(), "younger than the grace 1h 0m", "0 leftover(s) found");
    assertThat(lamin.run("repair").out()).contains("0 leftover(s) removed");
    assertThat(orphan).exists();
    var dry0 = lamin.run("repair", "--dry-run", "--grace", "0");
    assertThat(dry0.out())
        .contains("remove: " + orphan.toRealPath(), "no artifact row", "1 leftover(s) found");
    assertThat(orphan).exists();
    assertThat(lamin.run("repair", "--grace", "0").out()).contains("1 leftover(s) removed");
    assertThat(orphan).doesNotExist();
    assertThat(lamin.run("repair", "--grace", "soon").err()).contains("invalid --grace 'soon'");
    assertThat(lamin.run("migrate", "--dry-run").out()).contains("up to date");
  }

  @Test
  void annotateValidatesEverythingAndDescribeShowsTheResult() throws Exception {
    lamin.run("init", "--storage", tmp.resolve("ann").toString());
    Path f = Files.writeString(tmp.resolve("a.txt"), "annotate me");
    assertThat(lamin.run("save", f.toString(), "--key", "examples/a.txt").exit()).isZero();
    try (var ln = org.lamindb.LaminSetup.at(tmp.resolve("home"), Map.of()).connect()) {
      ln.ulabel("My label").save();
      ln.feature("gc_content", org.lamindb.model.Dtype.FLOAT).save();
    }
    var badLabels =
        lamin.run("annotate", "examples/a.txt", "--ulabel", "nope1", "--ulabel", "nope2");
    assertThat(badLabels.exit()).isEqualTo(1);
    assertThat(badLabels.err()).contains("nope1").contains("nope2");
    var badFeatures =
        lamin.run(
            "annotate",
            "examples/a.txt",
            "--feature",
            "gc_content=abc",
            "--feature",
            "unknown_feature=1");
    assertThat(badFeatures.exit()).isEqualTo(1);
    assertThat(badFeatures.err()).contains("unknown_feature").contains("gc_content");
    assertThat(lamin.run("describe", "examples/a.txt").out())
        .doesNotContain("Labels")
        .doesNotContain("Features");
    var ok =
        lamin.run(
            "annotate", "examples/a.txt", "--ulabel", "My label", "--feature", "gc_content=0.55");
    assertThat(ok.exit()).as(ok.err()).isZero();
    String described = lamin.run("describe", "examples/a.txt").out();
    assertThat(described)
        .contains("gc_content")
        .contains("0.55")
        .contains(".ulabels")
        .contains("My label");
  }
}
