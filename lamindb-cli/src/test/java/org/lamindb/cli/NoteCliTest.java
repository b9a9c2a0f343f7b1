package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Note;
import org.lamindb.model.Record;

/** {@code lamin note} and {@code lamin note show} through the real launcher. */
class NoteCliTest {
  @TempDir Path tmp;

  private LaminDB connect() {
    return LaminSetup.at(
            tmp.resolve("home"), Map.of("LAMIN_CACHE_DIR", tmp.resolve("cache").toString()))
        .connect();
  }

  @Test
  void readmeVersionsCommentsAndErrors() throws Exception {
    LaminProcess lamin = new LaminProcess(tmp.resolve("home"), Map.of());
    var init = lamin.run("init", "--storage", tmp.resolve("data").toString());
    assertThat(init.exit()).as(init.err()).isZero();
    try (LaminDB ln = connect()) {
      ln.artifact(Files.writeString(tmp.resolve("a.txt"), "a\n")).key("docs/a.txt").save();
      new Record(ln).name("Sample7").save();
      ln.project("Atlas").save();
    }
    Path r1 = Files.writeString(tmp.resolve("r1.md"), "# Atlas\n\nfirst draft\n");
    Path r2 = Files.writeString(tmp.resolve("r2.md"), "# Atlas\n\nsecond draft\n");

    var c = lamin.run("note", "record", "Sample7", "--comment", "counted by **bob**");
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(c.out()).contains("→ comment", "on record");
    assertThat(lamin.run("note", "project", "Atlas", "--readme", r1.toString()).exit()).isZero();
    var v2 = lamin.run("note", "project", "Atlas", "--readme", r2.toString());
    assertThat(v2.exit()).as(v2.err()).isZero();
    assertThat(v2.out()).contains("→ readme", "of project");

    var latest = lamin.run("note", "show", "project", "Atlas");
    assertThat(latest.exit()).isZero();
    assertThat(latest.out()).contains("second draft").doesNotContain("first draft");
    var all = lamin.run("note", "show", "project", "Atlas", "--all");
    assertThat(all.out()).contains("second draft", "first draft", "(earlier version)");
    assertThat(lamin.run("note", "show", "record", "Sample7").out()).contains("counted by **bob**");
    assertThat(lamin.run("note", "show", "artifact", "docs/a.txt").out())
        .contains("no notes on artifact docs/a.txt");

    try (LaminDB ln = connect()) {
      Note readme = ln.projects().get("name", "Atlas").notes().readme().orElseThrow();
      assertThat(readme.content()).isEqualTo(Files.readString(r2));
      assertThat(ln.projects().get("name", "Atlas").notes().list()).hasSize(2);
    }

    var unknown = lamin.run("note", "ulabel", "x", "--comment", "y");
    assertThat(unknown.exit()).isNotZero();
    assertThat(unknown.err()).contains("no notes on 'ulabel'", "artifact, collection");
    var missing =
        lamin.run("note", "artifact", "docs/a.txt", "--readme", tmp.resolve("nope.md").toString());
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err()).contains("cannot read", "nope.md");
    var noRun = lamin.run("note", "run", "NOPE1234", "--comment", "x");
    assertThat(noRun.exit()).isNotZero();
    assertThat(noRun.err()).contains("no run with uid 'NOPE1234'");
    var usage = lamin.run("note", "artifact", "docs/a.txt");
    assertThat(usage.exit()).isNotZero();
    assertThat(usage.err()).contains("--readme FILE | --comment TEXT");
    try (LaminDB ln = connect()) {
      assertThat(ln.artifactByUidOrKey("docs/a.txt", false).notes().list()).isEmpty();
    }
  }
}
