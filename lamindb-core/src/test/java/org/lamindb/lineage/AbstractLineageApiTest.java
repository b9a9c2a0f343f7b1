package org.lamindb.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.TrackingException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.lineage.ShellRuns;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Artifact;
import org.lamindb.model.Run;
import org.lamindb.model.Transform;
import org.lamindb.testing.Backend;

/**
 * The lineage API in-process: explicit keys/uids/versions, params, flows and steps, inputs, graphs,
 * shell runs.
 */
abstract class AbstractLineageApiTest {
  @TempDir Path tmp;
  LaminDB ln;

  abstract Backend backend();

  @BeforeEach
  void setUp() {
    ln = backend().newInstance(tmp);
  }

  @AfterEach
  void tearDown() {
    ln.currentRun().ifPresent(r -> ln.finish());
    ln.close();
  }

  private Artifact save(String name, String content) throws Exception {
    Path f = Files.writeString(tmp.resolve(name), content);
    return ln.artifact(f).key(name).save();
  }

  @Test
  void declaredTransformPredecessorsFormTheTransformLineage() {
    Transform trim = ln.track(TrackOptions.ofKey("trim.sh").sourceCode("trim")).transform();
    ln.finish();
    Transform align = ln.track(TrackOptions.ofKey("align.sh").sourceCode("align")).transform();
    ln.finish();
    Transform call = ln.track(TrackOptions.ofKey("call.sh").sourceCode("call")).transform();
    ln.finish();
    align.predecessors().add(trim);
    call.predecessors().add(align);

    assertThat(align.predecessors().list()).extracting(Transform::key).containsExactly("trim.sh");
    assertThat(align.successors().list()).extracting(Transform::key).containsExactly("call.sh");
    assertThat(trim.predecessors().list()).isEmpty();

    LineageGraph g = align.transformLineage();
    assertThat(g.focus()).isEqualTo("transform_" + align.uid());
    assertThat(g.nodes())
        .extracting(LineageGraph.Node::label)
        .containsExactlyInAnyOrder("trim.sh", "align.sh", "call.sh");
    assertThat(g.edges())
        .containsExactlyInAnyOrder(
            new LineageGraph.Edge("transform_" + trim.uid(), "transform_" + align.uid()),
            new LineageGraph.Edge("transform_" + align.uid(), "transform_" + call.uid()));
    assertThat(g.toMermaid()).contains("transform_" + trim.uid() + " --> transform_" + align.uid());
    // from the first transform the whole chain is reached too
    assertThat(trim.transformLineage().edges()).hasSize(2);

    align.predecessors().remove(trim);
    assertThat(align.transformLineage().edges()).hasSize(1);
  }

  @Test
  void explicitKeyWithSourceVersionsBySourceAndParamsAreRedacted() {
    Run r1 =
        ln.track(
            TrackOptions.ofKey("qc.sh")
                .sourceCode("echo one\nTOKEN=\"abc\"\n")
                .kind("script")
                .params(
                    Map.of(
                        "min_reads",
                        10,
                        "api_key",
                        "xyz",
                        "db",
                        "postgresql://u:pw@host/db",
                        "ratio",
                        0.5)));
    Transform t1 = r1.transform();
    assertThat(t1.key()).isEqualTo("qc.sh");
    assertThat(t1.kind()).isEqualTo("script");
    assertThat(t1.hash()).isEqualTo(Hashing.hashString("echo one\nTOKEN=\"abc\"\n"));
    assertThat(t1.sourceCode()).isEqualTo("echo one\nTOKEN=\"***REDACTED***\"\n");
    assertThat(r1.params().get("min_reads").isIntegralNumber()).isTrue();
    assertThat(r1.params().get("min_reads").asLong()).isEqualTo(10);
    assertThat(r1.params().get("ratio").asDouble()).isEqualTo(0.5);
    assertThat(r1.params().get("api_key").asText()).isEqualTo("***REDACTED***");
    assertThat(r1.params().get("db").asText()).isEqualTo("***REDACTED***");
    assertThat(r1.status()).isEqualTo(Run.Status.STARTED);
    ln.finish();
    assertThat(r1.refresh().status()).isEqualTo(Run.Status.COMPLETED);

    Run r2 = ln.track(TrackOptions.ofKey("qc.sh").sourceCode("echo one\nTOKEN=\"abc\"\n"));
    assertThat(r2.transform().uid()).isEqualTo(t1.uid());
    ln.finish();
    Run r3 = ln.track(TrackOptions.ofKey("qc.sh").sourceCode("echo two\n"));
    assertThat(r3.transform().uid()).isEqualTo(t1.uid().substring(0, 12) + "0001");
    assertThat(t1.refresh().isLatest()).isFalse();
    ln.finish();
    // pinning the family by its 12-character stem loads the latest version when the source is
    // unchanged
    Run r4 =
        ln.track(
            TrackOptions.ofUid(t1.uid().substring(0, 12)).key("qc.sh").sourceCode("echo two\n"));
    assertThat(r4.transform().uid()).isEqualTo(t1.uid().substring(0, 12) + "0001");
    ln.finish();
    assertThat(ln.runs().filter("transform_id", t1.id()).count()).isEqualTo(2);
  }

  @Test
  void versionTagsMustBeUniqueInTheFamilyAndUidsMustHaveTheRightLength() {
    ln.track(TrackOptions.ofKey("tagged.groovy").sourceCode("println 1").version("1"));
    ln.finish();
    assertThatThrownBy(
            () ->
                ln.track(TrackOptions.ofKey("tagged.groovy").sourceCode("println 2").version("1")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("version '1' is already taken by Transform(");
    assertThatThrownBy(() -> ln.track("abc"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("must be 12 (family) or 16 (version) base62 characters");
    assertThatThrownBy(() -> ln.finish())
        .isInstanceOf(TrackingException.class)
        .hasMessageContaining("call ln.track() first");
  }

  @Test
  void outputsInputsAndRecreationsAreLinkedToTheRun() throws Exception {
    Artifact before = save("before.txt", "made before tracking");
    assertThat(before.run()).isNull();
    Run run = ln.track(TrackOptions.ofKey("io-step"));
    before.cache(); // input
    Artifact out = save("out.txt", "made in the run");
    out.cache(); // reading its own output is not an input
    assertThat(out.run().uid()).isEqualTo(run.uid());
    ln.finish();
    assertThat(run.inputArtifacts()).extracting(Artifact::uid).containsExactly(before.uid());
    assertThat(run.outputArtifacts()).extracting(Artifact::uid).containsExactly(out.uid());
    // after finish, nothing is linked any more
    Artifact after = save("after.txt", "made after");
    assertThat(after.run()).isNull();
    after.cache();
    assertThat(after.inputOfRuns()).isEmpty();
  }

  @Test
  void flowsAndStepsRecordNestedRunsWithParamsAndErrors() throws Exception {
    assertThatThrownBy(() -> ln.step("orphan", () -> 1))
        .isInstanceOf(TrackingException.class)
        .hasMessageContaining("Please track the global run context");
    Artifact result =
        ln.flow(
            "create_fasta",
            Map.of("fasta_file", "sample.fasta", "n", 2),
            () -> {
              Artifact a =
                  ln.step("write", Map.of("lines", 2), () -> save("sample.fasta", ">seq1\nACGT\n"));
              ln.step("count", Map.of(), () -> a.load(String.class).lines().count());
              System.out.println("flow output line");
              return a;
            });
    Run flowRun = ln.runs().filter("entrypoint", "create_fasta").one();
    assertThat(flowRun.status()).isEqualTo(Run.Status.COMPLETED);
    assertThat(flowRun.initiatedByRun()).isNull();
    assertThat(flowRun.params().get("n").asLong()).isEqualTo(2);
    assertThat(flowRun.report().load(String.class)).contains("flow output line");
    List<Run> steps = flowRun.initiatedRuns();
    assertThat(steps).extracting(Run::entrypoint).containsExactly("write", "count");
    assertThat(steps)
        .allSatisfy(
            s -> {
              assertThat(s.status()).isEqualTo(Run.Status.COMPLETED);
              assertThat(s.transform().uid()).isEqualTo(flowRun.transform().uid());
            });
    assertThat(result.run().uid()).isEqualTo(steps.get(0).uid());
    assertThat(steps.get(1).inputArtifacts())
        .extracting(Artifact::uid)
        .containsExactly(result.uid());
    assertThat(steps.get(0).params().get("lines").asLong()).isEqualTo(2);

    assertThatThrownBy(
            () ->
                ln.flow(
                    "failing",
                    Map.of(),
                    () -> {
                      ln.step(
                          "inner",
                          Map.of(),
                          (Runnable)
                              () -> {
                                throw new IllegalArgumentException("bad input");
                              });
                      return null;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad input");
    Run failing = ln.runs().filter("entrypoint", "failing").one();
    assertThat(failing.status()).isEqualTo(Run.Status.ERRORED);
    assertThat(failing.report().load(String.class)).contains("IllegalArgumentException: bad input");
    assertThat(ln.runs().filter("entrypoint", "inner").one().status())
        .isEqualTo(Run.Status.ERRORED);
    assertThat(ln.currentRun()).isEmpty();

    // inside a tracked program, a flow is nested under the program's run
    Run program = ln.track(TrackOptions.ofKey("pipeline.java"));
    ln.flow("nested", Map.of(), () -> 1);
    ln.finish();
    assertThat(ln.runs().filter("entrypoint", "nested").one().initiatedByRun().uid())
        .isEqualTo(program.uid());
  }

  @Test
  void projectsAreLinkedAndUnknownProjectsExplained() {
    var project = ln.project("My project").save();
    Run run = ln.track(TrackOptions.ofKey("with-project").project("My project"));
    ln.finish();
    assertThat(ln.transforms().filter("projects", project).list())
        .extracting(Transform::uid)
        .containsExactly(run.transform().uid());
    assertThatThrownBy(() -> ln.track(TrackOptions.ofKey("x").project("Nope")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(
            "Project 'Nope' not found, either create it with ln.project(\"Nope\").save()");
  }

  @Test
  void featuresOfTheRunAreWrittenThroughTheFeatureApi() {
    ln.feature("gc_content", org.lamindb.model.Dtype.FLOAT).save();
    Run run = ln.track(TrackOptions.ofKey("annotated").features(Map.of("gc_content", 0.55)));
    ln.finish();
    assertThat(run.features().get("gc_content")).isEqualTo(0.55);
    assertThatThrownBy(
            () -> ln.track(TrackOptions.ofKey("annotated").features(Map.of("unregistered_x", 1))))
        .hasMessageContaining("unregistered_x");
    assertThat(ln.currentRun()).isEmpty();
    assertThat(ln.runs().filter("_status_code", 1).count()).isEqualTo(1);
  }

  @Test
  void graphRendersDotMermaidAndSvg() throws Exception {
    Artifact raw = save("raw.txt", "a,b\n1,2\n");
    ln.track(TrackOptions.ofKey("clean.java"));
    raw.load(String.class);
    Artifact clean = save("clean.txt", "a,b\n1,2\n3,4\n");
    ln.finish();
    LineageGraph g = ln.lineage("clean.txt", 5, LineageGraph.Direction.BOTH);
    String run = "run_" + clean.run().uid();
    String dot = g.toDot();
    assertThat(dot)
        .startsWith("digraph lineage {")
        .contains(
            "artifact_" + raw.uid() + " [label=\"raw.txt\"]",
            run + " [label=\"clean.java\\nrun at ",
            "fillcolor=\"#e9d5ff\"",
            "artifact_" + raw.uid() + " -> " + run + ";",
            run + " -> artifact_" + clean.uid() + ";");
    String mermaid = g.toMermaid();
    assertThat(mermaid)
        .startsWith("flowchart TD\n")
        .contains(
            "  artifact_" + raw.uid() + "[\"raw.txt\"]",
            run + "[\"clean.java<br/>run at ",
            "  " + run + " --> artifact_" + clean.uid());
    assertThat(ln.lineage(clean.run().uid(), 1, LineageGraph.Direction.BOTH).edges())
        .isEqualTo(g.edges());
    assertThat(ln.lineage("clean.java", 1, LineageGraph.Direction.BOTH).focus()).isEqualTo(run);
    String prop = System.getProperty("lamindb.graphviz.dot");
    System.setProperty("lamindb.graphviz.dot", tmp.resolve("no-such-dot").toString());
    try {
      assertThatThrownBy(g::toSvg)
          .isInstanceOf(TrackingException.class)
          .hasMessageContaining("Graphviz `dot` is not installed")
          .hasMessageContaining("DOT or Mermaid");
    } finally {
      if (prop == null) {
        System.clearProperty("lamindb.graphviz.dot");
      } else {
        System.setProperty("lamindb.graphviz.dot", prop);
      }
    }
    assumeTrue(LineageGraph.graphvizAvailable(), "Graphviz dot is not installed");
    String svg = g.toSvg();
    assertThat(svg).contains("<svg", "raw.txt", "clean.txt", "clean.java");
  }

  @Test
  void shellRunsAttachEveryConnectInTheDirectoryUntilFinished() throws Exception {
    Path script =
        Files.writeString(
            tmp.resolve("step.sh"), "#!/bin/bash\nPASSWORD=\"s3cret\"\nlamin save x\n");
    Path cwd = Path.of("").toAbsolutePath();
    Artifact input = save("input.txt", "input");
    Run run = ShellRuns.start(ln, TrackOptions.ofKey("step.sh").param("sample", "S1"), script, cwd);
    assertThat(run.transform().sourceCode()).contains("PASSWORD=\"***REDACTED***\"");
    assertThat(run.extraData().get("runtime").asText()).isEqualTo("shell");
    assertThat(ShellRuns.currentUid(Access.instance(ln), cwd)).contains(run.uid());
    // a new handle in the same directory (as `lamin save` would open) attaches to the run
    LaminSetup setup = Backend.setup(tmp);
    try (LaminDB other = setup.connect("test")) {
      other.artifactByUidOrKey(input.uid(), false).cache();
      Path f = Files.writeString(tmp.resolve("output.txt"), "output");
      Artifact out = other.artifact(f).key("output.txt").save();
      assertThat(out.run().uid()).isEqualTo(run.uid());
    }
    Run finished = ShellRuns.finish(ln, Run.Status.ERRORED, cwd);
    assertThat(finished.refresh().status()).isEqualTo(Run.Status.ERRORED);
    assertThat(finished.inputArtifacts()).extracting(Artifact::uid).containsExactly(input.uid());
    assertThat(ShellRuns.currentUid(Access.instance(ln), cwd)).isEmpty();
    assertThatThrownBy(() -> ShellRuns.finish(ln, Run.Status.COMPLETED, cwd))
        .isInstanceOf(TrackingException.class)
        .hasMessageContaining("no run to finish");
    // the environment variable names the run instead of the directory
    Run second = ShellRuns.start(ln, TrackOptions.ofKey("step.sh"), script, tmp);
    try (LaminDB viaEnv =
        LaminSetup.at(
                tmp.resolve("home"),
                Map.of(
                    "LAMIN_CACHE_DIR",
                    tmp.resolve("cache").toString(),
                    ShellRuns.ENV,
                    second.uid()))
            .connect("test")) {
      Path f = Files.writeString(tmp.resolve("env.txt"), "env");
      assertThat(viaEnv.artifact(f).key("env.txt").save().run().uid()).isEqualTo(second.uid());
    }
    ShellRuns.finish(ln, Run.Status.COMPLETED, tmp);
  }
}
