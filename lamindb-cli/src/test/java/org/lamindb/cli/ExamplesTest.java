package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's quickstart script exactly as a user would, so the documentation cannot drift.
 */
class ExamplesTest {
  @TempDir Path tmp;

  private String run(String script) throws Exception {
    Path repo =
        Path.of(System.getProperty("lamin.launcher", "../bin/lamin"))
            .toAbsolutePath()
            .getParent()
            .getParent();
    Path out = tmp.resolve("out.txt");
    Process p =
        new ProcessBuilder("bash", repo.resolve(script).toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    return text;
  }

  @Test
  void seedReadmeSnippetsRunInJava() throws Exception {
    String text = run("examples/seed-readme.sh");
    assertThat(text)
        .contains("by experiment_date: 1")
        .contains("latest version: 0001, versions: 2")
        .contains("parquet rows: 2, otype DataFrame")
        .contains("design_sample       Record[Sample]           P53mutant1")
        .contains(".projects           Project                  My project");
    if (Files.exists(Path.of("../../shared/data/ontologies/cl-basic.obo"))
        || Files.exists(Path.of("../shared/data/ontologies/cl-basic.obo"))) {
      assertThat(text).contains("cell types validated: true, false");
    }
  }

  @Test
  void validateExampleRunsInJavaAndOnTheCommandLine() throws Exception {
    String text = run("examples/validate.sh");
    assertThat(text)
        .contains("labels validated: true, false, true")
        .contains("perturbations validated: true, false")
        .contains("validated [gc_content], not validated [GC_content, gc, unknown]")
        .contains("suggestions {GC_content=gc_content, gc=gc_content}")
        .contains("   detected 2 unique terms with inconsistent casing/synonyms: GC_content, gc")
        .contains("standardized [gc_content, gc_content, reads]")
        .contains("records [P53mutant1]")
        .contains("2 of 2 validated")
        .contains("1 of 3 validated")
        .contains("   gc → gc_content")
        .contains("exit code 1");
  }

  @Test
  void quickstartScriptRunsEndToEnd() throws Exception {
    String text = run("examples/quickstart.sh");
    assertThat(text)
        .contains("→ initialized lamindb: ")
        .contains("→ saved artifact uid=")
        .contains("Artifact: examples/myfile.txt (0000)")
        .contains("Artifact: sample.fasta (0000)")
        .contains("content: >seq1");
  }
}
