package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.lineage.LineageGraph;
import org.lamindb.model.Artifact;
import org.lamindb.model.Run;
import org.lamindb.model.Transform;
import org.lamindb.testing.PostgresTestServer;

/**
 * The shell lineage protocol ({@code lamin track / load / save / finish / lineage}) through the
 * real launcher.
 */
class LineageCliTest {
  @TempDir Path tmp;
  LaminProcess lamin;

  @BeforeEach
  void setUp() {
    lamin = new LaminProcess(tmp.resolve("home"), Map.of());
  }

  private LaminDB connect() {
    return LaminSetup.at(
            tmp.resolve("home"), Map.of("LAMIN_CACHE_DIR", tmp.resolve("cache").toString()))
        .connect();
  }

  /**
   * @return the bash block after the {@code <!-- step.sh -->} marker in docs/pipelines.md
   */
  static String documentedStep() throws Exception {
    Path launcher = Path.of(System.getProperty("lamin.launcher", "../bin/lamin")).toAbsolutePath();
    String md =
        Files.readString(
            launcher.getParent().getParent().resolve("docs/pipelines.md"), StandardCharsets.UTF_8);
    String after = md.substring(md.indexOf("<!-- step.sh -->"));
    int start = after.indexOf("```bash\n") + "```bash\n".length();
    return after.substring(start, after.indexOf("```", start));
  }

  private int bash(Path cwd, Path script, Map<String, String> env, Path log) throws Exception {
    Path bin =
        Path.of(System.getProperty("lamin.launcher", "../bin/lamin")).toAbsolutePath().getParent();
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(cwd.toFile());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("LAMIN_HOME", tmp.resolve("home").toString());
    pb.environment().put("LAMIN_CACHE_DIR", tmp.resolve("cache").toString());
    pb.environment().remove("LAMIN_INSTANCE");
    pb.environment().remove("LAMIN_RUN_UID");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  void documentedStepRecordsItsRun(boolean postgres) throws Exception {
    var init =
        postgres
            ? lamin.run(
                "init",
                "--storage",
                tmp.resolve("data").toString(),
                "--db",
                PostgresTestServer.newEmptyDatabase(),
                "--name",
                "data")
            : lamin.run("init", "--storage", tmp.resolve("data").toString());
    assertThat(init.exit()).as(init.err()).isZero();
    Path fasta = Files.writeString(tmp.resolve("sample.fasta"), ">seq1\nACGT\n>seq2\nGGCC\n");
    assertThat(lamin.run("save", fasta.toString(), "--key", "sample.fasta").exit()).isZero();
    Path stepDir = Files.createDirectories(tmp.resolve("step"));
    Path script = Files.writeString(stepDir.resolve("step.sh"), documentedStep());
    Path log = tmp.resolve("step.log");
    int exit = bash(stepDir, script, Map.of(), log);
    assertThat(exit).as(Files.readString(log)).isZero();
    assertThat(stepDir.resolve("counts.txt")).hasContent("2");
    try (LaminDB ln = connect()) {
      Artifact counts = ln.artifacts().get("key", "counts.txt");
      Artifact input = ln.artifacts().get("key", "sample.fasta");
      Run run = counts.run();
      assertThat(run.status()).isEqualTo(Run.Status.COMPLETED);
      assertThat(run.finishedAt()).isNotNull();
      assertThat(run.params().get("min_length").asLong()).isEqualTo(4);
      assertThat(run.inputArtifacts()).extracting(Artifact::uid).containsExactly(input.uid());
      Transform t = run.transform();
      assertThat(t.key()).isEqualTo("step.sh");
      assertThat(t.hash()).isEqualTo(Hashing.hashFile(script).hash());
      assertThat(t.sourceCode()).isEqualTo(documentedStep());
      String dot = lamin.run("lineage", "counts.txt", "--format", "dot").out();
      assertThat(dot)
          .contains(
              "artifact_" + input.uid() + " -> run_" + run.uid() + ";",
              "run_" + run.uid() + " -> artifact_" + counts.uid() + ";",
              "[label=\"step.sh\\nrun at ");
    }
    // the same script again: same transform, new run; an edited script: next version
    assertThat(bash(stepDir, script, Map.of(), log)).as(Files.readString(log)).isZero();
    Files.writeString(script, documentedStep().replace("min_length=4", "min_length=5"));
    assertThat(bash(stepDir, script, Map.of(), log)).as(Files.readString(log)).isZero();
    try (LaminDB ln = connect()) {
      List<Transform> versions = ln.transforms().filter("key", "step.sh").orderBy("uid").list();
      assertThat(versions).hasSize(2);
      assertThat(versions.get(1).uid()).isEqualTo(versions.get(0).uid().substring(0, 12) + "0001");
      assertThat(ln.runs().filter("transform_id", versions.get(0).id()).count()).isEqualTo(2);
    }
  }

  @Test
  void theDocumentedBashStepRecordsItsRun() throws Exception {
    documentedStepRecordsItsRun(false);
  }

  @Test
  void theDocumentedBashStepRecordsItsRunOnPostgres() throws Exception {
    documentedStepRecordsItsRun(true);
  }

  @Test
  void failingStepIsErroredAndFinishWithoutRunIsAOneLineError() throws Exception {
    lamin.run("init", "--storage", tmp.resolve("data").toString());
    Path dir = Files.createDirectories(tmp.resolve("failing"));
    Path script =
        Files.writeString(
            dir.resolve("fail.sh"),
            "set -euo pipefail\nlamin track --key fail.sh\ntrap 'lamin finish --status errored' ERR\nlamin load --key missing.txt\nlamin finish\n");
    Path log = tmp.resolve("fail.log");
    assertThat(bash(dir, script, Map.of(), log)).isNotZero();
    try (LaminDB ln = connect()) {
      Run run = ln.runs().one();
      assertThat(run.status()).isEqualTo(Run.Status.ERRORED);
      assertThat(run.transform().key()).isEqualTo("fail.sh");
    }
    var again = lamin.run(dir, "finish");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err().strip()).startsWith("✗ no run to finish in").doesNotContain("\n");
    var bad = lamin.run(dir, "finish", "--status", "weird");
    assertThat(bad.err()).contains("unknown status 'weird'");
  }

  @Test
  void runUidVariableCarriesTheRunAcrossDirectoriesAndNestsNewSteps() throws Exception {
    lamin.run("init", "--storage", tmp.resolve("data").toString());
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b"));
    var track =
        lamin.run(a, "track", "--key", "main.nf", "--kind", "pipeline", "--param", "samples=3");
    assertThat(track.exit()).as(track.err()).isZero();
    String uid = track.outLines().get(track.outLines().size() - 1);
    assertThat(uid).hasSize(16);
    LaminProcess withRun = new LaminProcess(tmp.resolve("home"), Map.of("LAMIN_RUN_UID", uid));
    Path f = Files.writeString(b.resolve("b.txt"), "from b");
    assertThat(withRun.run(b, "save", f.toString(), "--key", "b.txt").exit()).isZero();
    var nested = withRun.run(b, "track", "--key", "task.sh");
    String nestedUid = nested.outLines().get(nested.outLines().size() - 1);
    Path g = Files.writeString(b.resolve("task.txt"), "from the task");
    assertThat(withRun.run(b, "save", g.toString(), "--key", "task.txt").exit()).isZero();
    assertThat(withRun.run(b, "finish").exit()).isZero();
    assertThat(lamin.run(a, "finish").exit()).isZero();
    try (LaminDB ln = connect()) {
      Run main = ln.runs().get(uid);
      assertThat(main.status()).isEqualTo(Run.Status.COMPLETED);
      assertThat(main.transform().kind()).isEqualTo("pipeline");
      assertThat(main.outputArtifacts()).extracting(Artifact::key).containsExactly("b.txt");
      Run task = ln.runs().get(nestedUid);
      assertThat(task.initiatedByRun().uid()).isEqualTo(uid);
      assertThat(task.outputArtifacts()).extracting(Artifact::key).containsExactly("task.txt");
      assertThat(task.status()).isEqualTo(Run.Status.COMPLETED);
    }
  }

  @Test
  void lineageCommandWritesMermaidDotAndSvg() throws Exception {
    lamin.run("init", "--storage", tmp.resolve("data").toString());
    Path dir = Files.createDirectories(tmp.resolve("w"));
    Path in = Files.writeString(dir.resolve("in.txt"), "in");
    lamin.run(dir, "save", in.toString(), "--key", "in.txt");
    lamin.run(dir, "track", "--key", "convert.sh");
    lamin.run(dir, "load", "--key", "in.txt");
    Path out = Files.writeString(dir.resolve("out.txt"), "out");
    lamin.run(dir, "save", out.toString(), "--key", "out.txt");
    lamin.run(dir, "finish");
    var mermaid = lamin.run(dir, "lineage", "out.txt");
    assertThat(mermaid.exit()).as(mermaid.err()).isZero();
    assertThat(mermaid.out())
        .startsWith("flowchart TD")
        .contains("[\"in.txt\"]", "[\"out.txt\"]", "convert.sh<br/>run at ");
    var down =
        lamin.run(
            dir, "lineage", "in.txt", "--direction", "down", "--depth", "1", "--format", "dot");
    assertThat(down.out()).contains("out.txt", "convert.sh");
    var missing = lamin.run(dir, "lineage", "nope.txt");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err().strip())
        .isEqualTo("✗ no artifact, run or transform with uid or key 'nope.txt'");
    assumeTrue(LineageGraph.graphvizAvailable(), "Graphviz dot is not installed");
    var svg = lamin.run(dir, "lineage", "out.txt", "--out", tmp.resolve("g.svg").toString());
    assertThat(svg.exit()).as(svg.err()).isZero();
    assertThat(Files.readString(tmp.resolve("g.svg"))).contains("<svg", "out.txt");
  }

  @Test
  void saveInsideAShellRunNeedsNoKeyOutsideItDoes() throws Exception {
    lamin.run("init", "--storage", tmp.resolve("data").toString());
    Path dir = Files.createDirectories(tmp.resolve("w"));
    Path loose = Files.writeString(dir.resolve("loose.txt"), "loose");
    var outside = lamin.run(dir, "save", loose.toString());
    assertThat(outside.exit()).isEqualTo(1);
    assertThat(outside.err()).contains("pass --key or --description", "outside a run");

    assertThat(lamin.run(dir, "track", "--key", "step.sh").exit()).isZero();
    Path result = Files.writeString(dir.resolve("result.txt"), "result");
    var inside = lamin.run(dir, "save", result.toString());
    assertThat(inside.exit()).as(inside.err()).isZero();
    assertThat(lamin.run(dir, "finish").exit()).isZero();
    try (LaminDB ln = connect()) {
      // the 6-byte "result" file (track/finish also save an environment and a report)
      Artifact a = ln.artifacts().filter("size", 6L).one();
      assertThat(a.key()).isNull();
      assertThat(a.run().transform().key()).isEqualTo("step.sh");
    }
  }

  @Test
  void createFastaExampleRunsAsASingleFileProgram() throws Exception {
    assertThat(lamin.run("init", "--storage", tmp.resolve("data").toString()).exit()).isZero();
    Path repo =
        Path.of(System.getProperty("lamin.launcher", "../bin/lamin"))
            .toAbsolutePath()
            .getParent()
            .getParent();
    Path jar =
        Path.of(
            System.getProperty(
                "lamin.jar", repo.resolve("lamindb-cli/target/lamin.jar").toString()));
    Path dir = Files.createDirectories(tmp.resolve("example"));
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                jar.toString(),
                repo.resolve("examples/CreateFasta.java").toString())
            .directory(dir.toFile());
    pb.environment().put("LAMIN_HOME", tmp.resolve("home").toString());
    pb.environment().put("LAMIN_CACHE_DIR", tmp.resolve("cache").toString());
    pb.environment().remove("LAMIN_INSTANCE");
    pb.environment().remove("LAMIN_RUN_UID");
    Path log = tmp.resolve("example.log");
    Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains(
            "created Transform(",
            "Artifact: sample.fasta (0000)",
            "flowchart TD",
            "CreateFasta.java<br/>run at ",
            "(completed)",
            "transform: CreateFasta.java version 0000");
    try (LaminDB ln = connect()) {
      Run run = ln.artifacts().get("key", "sample.fasta").run();
      assertThat(run.transform().sourceCode())
          .isEqualTo(Files.readString(repo.resolve("examples/CreateFasta.java")));
      assertThat(run.report().load(String.class)).startsWith("→ connected lamindb: ");
    }
  }
}
