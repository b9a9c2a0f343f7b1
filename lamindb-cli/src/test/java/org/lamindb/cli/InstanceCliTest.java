package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 through the real launcher: {@code lamin settings catalog set}, {@code lamin init
 * --publish}, {@code lamin instance list|publish}, and {@code lamin connect owner/name} from a
 * second, empty {@code LAMIN_HOME}.
 */
class InstanceCliTest {
  @TempDir Path tmp;

  @Test
  void publishListAndConnectFromAnEmptyHome() throws Exception {
    Path catalog = tmp.resolve("catalog");
    Files.createDirectories(tmp.resolve("alice"));
    Files.createDirectories(tmp.resolve("bob"));
    LaminProcess alice = new LaminProcess(tmp.resolve("alice/home"), Map.of());
    assertThat(alice.run("login", "alice").exit()).isZero();
    var set = alice.run("settings", "catalog", "set", catalog.toString());
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).contains("→ catalog=" + catalog);
    var init = alice.run("init", "--storage", tmp.resolve("atlas").toString(), "--publish");
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.out())
        .contains("→ initialized lamindb: alice/atlas")
        .contains("→ published alice/atlas to catalog " + catalog + " (db sqlite");
    assertThat(catalog.resolve("alice/atlas.json")).exists();
    Path f = Files.writeString(tmp.resolve("notes.txt"), "hello");
    assertThat(alice.run("save", f.toString(), "--key", "docs/notes.txt").exit()).isZero();
    assertThat(alice.run("instance", "publish").out()).contains("→ published alice/atlas");

    LaminProcess bob =
        new LaminProcess(tmp.resolve("bob/home"), Map.of("LAMIN_CATALOG", catalog.toString()));
    var list = bob.run("instance", "list");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out()).contains("1 instance(s)").contains("alice/atlas  db=sqlite  storage=");
    var typo = bob.run("connect", "alice/atals");
    assertThat(typo.exit()).isNotZero();
    assertThat(typo.err())
        .contains("no instance 'alice/atals'")
        .contains("did you mean alice/atlas?");
    var connect = bob.run("connect", "alice/atlas");
    assertThat(connect.exit()).as(connect.err()).isZero();
    assertThat(connect.out()).contains("→ connected lamindb: alice/atlas");
    var ls = bob.run("list", "artifact");
    assertThat(ls.exit()).as(ls.err()).isZero();
    assertThat(ls.out()).contains("docs/notes.txt");
    assertThat(bob.run("settings", "catalog", "get").out().strip()).isEqualTo(catalog.toString());
    assertThat(bob.run("instance", "clone").err()).contains("on SQLite already");
  }

  @Test
  void withoutACatalogTheErrorSaysHowToSetOne() throws Exception {
    LaminProcess lamin = new LaminProcess(tmp.resolve("home"), Map.of());
    var list = lamin.run("instance", "list");
    assertThat(list.exit()).isNotZero();
    assertThat(list.err()).contains("no instance catalog configured").contains("LAMIN_CATALOG");
    var init = lamin.run("init", "--storage", tmp.resolve("x").toString(), "--publish");
    assertThat(init.exit()).isNotZero();
    assertThat(init.err()).contains("no instance catalog configured");
  }
}
