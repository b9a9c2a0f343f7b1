package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's quickstart script exactly as a user would, so the documentation cannot drift. */
class ExamplesTest {
  @TempDir Path tmp;

  @Test
  void quickstartScriptRunsEndToEnd() throws Exception {
    Path repo = Path.of(System.getProperty("lamin.launcher", "../bin/lamin")).toAbsolutePath().getParent().getParent();
    Path out = tmp.resolve("out.txt");
    Process p =
        new ProcessBuilder("bash", repo.resolve("examples/quickstart.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    assertThat(text)
        .contains("→ initialized lamindb: ")
        .contains("→ saved artifact uid=")
        .contains("Artifact: examples/myfile.txt (0000)")
        .contains("Artifact: sample.fasta (0000)")
        .contains("content: >seq1");
  }
}
