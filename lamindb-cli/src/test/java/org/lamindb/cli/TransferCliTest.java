package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20: {@code lamin transfer} and {@code lamin load lamin://...} between two instances. */
class TransferCliTest {
  @TempDir Path tmp;

  @Test
  void transferRegistersTheArtifactHereAndLoadReadsLaminUris() throws Exception {
    LaminProcess lamin = new LaminProcess(tmp.resolve("home"), Map.of());
    assertThat(lamin.run("init", "--storage", tmp.resolve("one").toString()).exit()).isZero();
    Path f = Files.writeString(tmp.resolve("scores.csv"), "a,b\n1,2\n");
    var save = lamin.run("save", f.toString(), "--key", "tables/scores.csv");
    assertThat(save.exit()).as(save.err()).isZero();
    String uid = save.out().replaceAll("(?s).*uid=(\\w{20}).*", "$1");
    assertThat(lamin.run("init", "--storage", tmp.resolve("two").toString()).exit()).isZero();

    var load = lamin.run("load", "lamin://anonymous/one/artifact/tables/scores.csv");
    assertThat(load.exit()).as(load.err()).isZero();
    assertThat(Path.of(load.outLines().get(load.outLines().size() - 1))).hasContent("a,b\n1,2\n");
    assertThat(lamin.run("load", "--key", "tables/scores.csv").exit())
        .as("not in instance two yet")
        .isEqualTo(1);

    var t = lamin.run("transfer", "lamin://anonymous/one/artifact/" + uid);
    assertThat(t.exit()).as(t.err()).isZero();
    assertThat(t.out()).contains(uid + " tables/scores.csv");
    var again = lamin.run("transfer", "--from", "anonymous/one", "tables/scores.csv");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains(uid);
    var here = lamin.run("describe", "tables/scores.csv");
    assertThat(here.out()).contains("uid: " + uid).contains("__lamindb_transfer__/anonymous/one");

    var bad = lamin.run("transfer", "tables/scores.csv");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("not a lamin:// URI").contains("--from owner/name");
  }
}
