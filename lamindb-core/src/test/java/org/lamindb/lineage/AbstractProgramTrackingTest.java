package org.lamindb.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Artifact;
import org.lamindb.model.Run;
import org.lamindb.model.Transform;
import org.lamindb.testing.Backend;

/**
 * Each kind of program run for real as a child process that calls {@code ln.track()}: a single-file
 * Java program, a class main, a jar, a JShell script, a Groovy script (JBang where installed);
 * versions, errors and lineage.
 */
abstract class AbstractProgramTrackingTest {
  @TempDir Path tmp;
  Path work;
  LaminSetup setup;

  abstract Backend backend();

  static final String CREATE_FASTA =
      """
      import java.nio.file.Files;
      import java.nio.file.Path;
      import org.lamindb.LaminDB;

      public class CreateFasta {
        public static void main(String[] args) throws Exception {
          String apiKey = "sk-secret-123";
          String home = System.getenv("HOME");
          try (LaminDB ln = LaminDB.connect()) {
            ln.track();
            System.out.println("writing sample.fasta");
            Files.writeString(Path.of("sample.fasta"), ">seq1\\nACGT\\n");
            ln.artifact(Path.of("sample.fasta")).key("sample.fasta").save();
            String mode = args.length > 0 ? args[0] : "";
            if (mode.equals("throw")) {
              throw new IllegalStateException("boom in the program");
            }
            if (mode.equals("exit1")) {
              System.exit(1);
            }
            if (mode.equals("nofinish")) {
              return;
            }
            if (mode.equals("sleep")) {
              System.out.println("sleeping");
              System.out.flush();
              Thread.sleep(120_000);
            }
            ln.finish();
          }
        }
      }
      """;

  static final String USE_FASTA =
      """
      import java.nio.file.Files;
      import java.nio.file.Path;
      import org.lamindb.LaminDB;

      public class UseFasta {
        public static void main(String[] args) throws Exception {
          try (LaminDB ln = LaminDB.connect()) {
            ln.track();
            Path in = ln.artifacts().get("key", "sample.fasta").cache();
            long n = Files.readAllLines(in).stream().filter(l -> !l.startsWith(">")).count();
            Files.writeString(Path.of("counts.txt"), "sequences: " + n + "\\n");
            ln.artifact(Path.of("counts.txt")).key("counts.txt").save();
            ln.finish();
          }
        }
      }
      """;

  @BeforeEach
  void setUp() throws Exception {
    setup = Backend.setup(tmp);
    setup.init(backend().options(tmp.resolve("storage"), "lineage")).close();
    work = Files.createDirectories(tmp.resolve("work"));
  }

  ChildProgram.Result runJava(Path source, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                ChildProgram.java(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                ChildProgram.classpathString(),
                source.toString()));
    cmd.addAll(List.of(args));
    return ChildProgram.run(tmp, work, cmd, Map.of());
  }

  Transform transformByKey(LaminDB ln, String key) {
    return ln.transforms().filter("key", key).filter("is_latest", true).one();
  }

  @Test
  void singleFileProgramRecordsTransformRunOutputsReportAndEnvironment() throws Exception {
    Path src = Files.writeString(work.resolve("CreateFasta.java"), CREATE_FASTA);
    var r = runJava(src);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "created Transform(", "started new Run(", "writing sample.fasta", "finished Run(");
    try (LaminDB ln = setup.connect("lineage")) {
      Transform t = transformByKey(ln, "CreateFasta.java");
      assertThat(t.kind()).isEqualTo("script");
      assertThat(t.uid()).hasSize(16).endsWith("0000");
      assertThat(t.hash()).isEqualTo(Hashing.hashFile(src).hash());
      assertThat(t.sourceCode())
          .contains("String apiKey = \"***REDACTED***\";", "System.getenv(\"HOME\")")
          .doesNotContain("sk-secret-123");
      Artifact fasta = ln.artifacts().get("key", "sample.fasta");
      Run run = fasta.run();
      assertThat(run).isNotNull();
      assertThat(fasta.transform().uid()).isEqualTo(t.uid());
      assertThat(run.status()).isEqualTo(Run.Status.COMPLETED);
      assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
      assertThat(run.createdBy().handle()).isEqualTo(setup.user());
      assertThat(run.extraData().get("runtime").asText()).isEqualTo("java-source");
      assertThat(run.extraData().get("jvm").asText()).contains(System.getProperty("java.version"));
      assertThat(run.extraData().get("host").asText()).isNotBlank();
      assertThat(run.extraData().get("os").asText()).startsWith(System.getProperty("os.name"));
      Artifact report = run.report();
      assertThat(report.kind()).isEqualTo("__lamindb_run__");
      assertThat(report.run()).isNull();
      assertThat(report.load(String.class))
          .startsWith("→ connected lamindb: " + ln.slug())
          .contains("writing sample.fasta");
      Artifact env = run.environment();
      assertThat(env.kind()).isEqualTo("__lamindb_run__");
      String envText = env.load(String.class);
      assertThat(envText).contains("# java.vm:");
      assertThat(envText)
          .contains(
              ChildProgram.classpath().stream()
                  .filter(e -> e.endsWith(".jar"))
                  .map(e -> Path.of(e).getFileName().toString())
                  .findFirst()
                  .orElseThrow());
    }
  }

  @Test
  void unchangedSourceReusesTheTransformAndChangedSourceMakesTheNextVersion() throws Exception {
    Path src = Files.writeString(work.resolve("CreateFasta.java"), CREATE_FASTA);
    assertThat(runJava(src).exit()).isZero();
    var again = runJava(src);
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("loaded Transform(");
    String v1;
    try (LaminDB ln = setup.connect("lineage")) {
      Transform t = transformByKey(ln, "CreateFasta.java");
      v1 = t.uid();
      assertThat(ln.runs().filter("transform_id", t.id()).count()).isEqualTo(2);
      // identical environments are one artifact
      List<Run> runs = ln.runs().filter("transform_id", t.id()).list();
      assertThat(runs.get(0).environment().uid()).isEqualTo(runs.get(1).environment().uid());
    }
    Files.writeString(src, CREATE_FASTA.replace("writing sample.fasta", "writing the sample"));
    assertThat(runJava(src).exit()).isZero();
    try (LaminDB ln = setup.connect("lineage")) {
      List<Transform> family =
          ln.transforms().filter("key", "CreateFasta.java").orderBy("uid").list();
      assertThat(family).hasSize(2);
      assertThat(family.get(0).uid()).isEqualTo(v1);
      assertThat(family.get(0).isLatest()).isFalse();
      assertThat(family.get(1).uid()).isEqualTo(v1.substring(0, 12) + "0001");
      assertThat(family.get(1).isLatest()).isTrue();
      assertThat(family.get(1).sourceCode()).contains("writing the sample");
    }
  }

  @Test
  void uncaughtExceptionSystemExitAndMissingFinishNeverLeaveARunStarted() throws Exception {
    Path src = Files.writeString(work.resolve("CreateFasta.java"), CREATE_FASTA);
    var thrown = runJava(src, "throw");
    assertThat(thrown.exit()).isEqualTo(1);
    assertThat(thrown.err()).contains("boom in the program");
    var exited = runJava(src, "exit1");
    assertThat(exited.exit()).isEqualTo(1);
    var unfinished = runJava(src, "nofinish");
    assertThat(unfinished.exit()).as(unfinished.err()).isZero();
    try (LaminDB ln = setup.connect("lineage")) {
      List<Run> runs = ln.runs().orderBy("id").list();
      assertThat(runs).hasSize(3);
      assertThat(runs).extracting(Run::cliArgs).containsExactly("throw", "exit1", "nofinish");
      assertThat(runs)
          .extracting(Run::status)
          .containsExactly(Run.Status.ERRORED, Run.Status.ERRORED, Run.Status.COMPLETED);
      assertThat(runs).allSatisfy(run -> assertThat(run.finishedAt()).isNotNull());
      assertThat(runs.get(0).report().load(String.class))
          .contains("IllegalStateException: boom in the program");
      assertThat(runs.get(1).extraData().get("exit").asText()).contains("System.exit");
    }
  }

  @Test
  void sigtermMarksTheRunAborted() throws Exception {
    Path src = Files.writeString(work.resolve("CreateFasta.java"), CREATE_FASTA);
    ProcessBuilder pb =
        new ProcessBuilder(
                ChildProgram.java(), "-cp", ChildProgram.classpathString(), src.toString(), "sleep")
            .directory(work.toFile());
    pb.environment().put("LAMIN_HOME", tmp.resolve("home").toString());
    pb.environment().put("LAMIN_CACHE_DIR", tmp.resolve("cache").toString());
    pb.environment().remove("LAMIN_INSTANCE");
    Path out = tmp.resolve("sleep.out");
    Process p = pb.redirectOutput(out.toFile()).redirectErrorStream(true).start();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(240);
    while (!(Files.exists(out) && Files.readString(out).contains("sleeping"))
        && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(Files.readString(out)).contains("sleeping");
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    try (LaminDB ln = setup.connect("lineage")) {
      Run run = ln.runs().one();
      assertThat(run.status()).isEqualTo(Run.Status.ABORTED);
      assertThat(run.finishedAt()).isNotNull();
      assertThat(run.report().load(String.class)).contains("sleeping");
    }
  }

  @Test
  void loadedArtifactsAreInputsAndTheGraphLinksBothPrograms() throws Exception {
    Path create = Files.writeString(work.resolve("CreateFasta.java"), CREATE_FASTA);
    Path use = Files.writeString(work.resolve("UseFasta.java"), USE_FASTA);
    assertThat(runJava(create).exit()).isZero();
    var r = runJava(use);
    assertThat(r.exit()).as(r.err()).isZero();
    try (LaminDB ln = setup.connect("lineage")) {
      Artifact fasta = ln.artifacts().get("key", "sample.fasta");
      Artifact counts = ln.artifacts().get("key", "counts.txt");
      assertThat(counts.load(String.class)).isEqualTo("sequences: 1\n");
      Run useRun = counts.run();
      assertThat(useRun.inputArtifacts()).extracting(Artifact::uid).containsExactly(fasta.uid());
      assertThat(fasta.inputOfRuns()).extracting(Run::uid).containsExactly(useRun.uid());
      LineageGraph g = counts.lineage(10, LineageGraph.Direction.UP);
      String runC = "run_" + fasta.run().uid();
      String runU = "run_" + useRun.uid();
      assertThat(g.edges())
          .containsExactlyInAnyOrder(
              new LineageGraph.Edge(runC, "artifact_" + fasta.uid()),
              new LineageGraph.Edge("artifact_" + fasta.uid(), runU),
              new LineageGraph.Edge(runU, "artifact_" + counts.uid()));
      assertThat(g.node(runU).label()).startsWith("UseFasta.java\nrun at ");
      assertThat(g.node("artifact_" + fasta.uid()).label()).isEqualTo("sample.fasta");
      // depth 1 stops at the producing run of counts.txt
      assertThat(counts.lineage(1, LineageGraph.Direction.UP).nodes())
          .extracting(LineageGraph.Node::id)
          .containsExactlyInAnyOrder(runU, "artifact_" + fasta.uid(), "artifact_" + counts.uid());
      // downstream of sample.fasta: the run that used it and its output
      assertThat(fasta.lineage(5, LineageGraph.Direction.DOWN).edges())
          .containsExactlyInAnyOrder(
              new LineageGraph.Edge("artifact_" + fasta.uid(), runU),
              new LineageGraph.Edge(runU, "artifact_" + counts.uid()));
    }
  }

  @Test
  void classMainAndJarMainAreKeyedByClassNameAndIdentifiedByTheirBytes() throws Exception {
    String main = TrackedMain.class.getName();
    var r =
        ChildProgram.run(
            tmp,
            work,
            List.of(ChildProgram.java(), "-cp", ChildProgram.classpathString(), main, "--n", "3"),
            Map.of());
    assertThat(r.exit()).as(r.err()).isZero();
    Path jar = tmp.resolve("app.jar");
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main);
    StringBuilder cp = new StringBuilder();
    for (String e : ChildProgram.classpath()) {
      cp.append(Path.of(e).toUri()).append(' ');
    }
    mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString().trim());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
      // manifest only: the classes come from the Class-Path
    }
    var j =
        ChildProgram.run(tmp, work, List.of(ChildProgram.java(), "-jar", jar.toString()), Map.of());
    assertThat(j.exit()).as(j.err()).isZero();
    try (LaminDB ln = setup.connect("lineage")) {
      List<Transform> ts = ln.transforms().filter("key", main).orderBy("id").list();
      assertThat(ts).hasSize(2);
      assertThat(ts).allSatisfy(t -> assertThat(t.kind()).isEqualTo("pipeline"));
      assertThat(ts.get(1).hash()).isEqualTo(Hashing.hashFile(jar).hash());
      assertThat(ts.get(1).description()).isEqualTo("jar: app.jar");
      Run first = ln.runs().filter("transform_id", ts.get(0).id()).one();
      assertThat(first.cliArgs()).isEqualTo("--n 3");
      assertThat(first.params().get("n").asLong()).isEqualTo(3);
      assertThat(first.params().get("db_password").asText()).isEqualTo("***REDACTED***");
      assertThat(first.status()).isEqualTo(Run.Status.COMPLETED);
    }
  }

  @Test
  void jshellScriptIsTrackedAsAScript() throws Exception {
    assumeTrue(ChildProgram.available("jshell"), "jshell is not installed");
    Path script =
        Files.writeString(
            work.resolve("analysis.jsh"),
            """
        import org.lamindb.LaminDB;
        var ln = LaminDB.connect();
        ln.track();
        java.nio.file.Files.writeString(java.nio.file.Path.of("shell.txt"), "from jshell\\n");
        ln.artifact(java.nio.file.Path.of("shell.txt")).key("shell.txt").save();
        ln.finish();
        ln.close();
        /exit
        """);
    var r =
        ChildProgram.run(
            tmp,
            work,
            List.of("jshell", "--class-path", ChildProgram.classpathString(), script.toString()),
            Map.of());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    try (LaminDB ln = setup.connect("lineage")) {
      Artifact a = ln.artifacts().get("key", "shell.txt");
      Transform t = a.transform();
      assertThat(t.key()).isEqualTo("analysis.jsh");
      assertThat(t.kind()).isEqualTo("script");
      assertThat(t.hash()).isEqualTo(Hashing.hashFile(script).hash());
      assertThat(a.run().extraData().get("runtime").asText()).isEqualTo("jshell");
      assertThat(a.run().status()).isEqualTo(Run.Status.COMPLETED);
    }
  }

  @Test
  void groovyScriptIsTrackedAsAScript() throws Exception {
    assumeTrue(
        ChildProgram.available("groovy"), "groovy is not installed (apt-get install groovy)");
    Path script =
        Files.writeString(
            work.resolve("step.groovy"),
            """
        import org.lamindb.LaminDB
        def ln = LaminDB.connect()
        ln.track()
        new File("groovy.txt").text = "from groovy\\n"
        ln.artifact(java.nio.file.Path.of("groovy.txt")).key("groovy.txt").save()
        ln.finish()
        ln.close()
        """);
    var r =
        ChildProgram.run(
            tmp,
            work,
            List.of("groovy", "-cp", ChildProgram.classpathString(), script.toString()),
            Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=1"));
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    try (LaminDB ln = setup.connect("lineage")) {
      Artifact a = ln.artifacts().get("key", "groovy.txt");
      assertThat(a.transform().key()).isEqualTo("step.groovy");
      assertThat(a.transform().sourceCode())
          .isEqualTo(Files.readString(script, StandardCharsets.UTF_8));
      assertThat(a.run().extraData().get("runtime").asText()).isEqualTo("groovy");
    }
  }

  @Test
  void jbangScriptIsTrackedWhereJbangIsInstalled() throws Exception {
    assumeTrue(
        ChildProgram.available("jbang"),
        "jbang is not installed: its installer downloads JDKs and jars from outside the allowed registries");
    Path src =
        Files.writeString(
            work.resolve("CreateFasta.java"),
            "//DEPS org.lamindb:lamindb-core:0.1.0-SNAPSHOT\n" + CREATE_FASTA);
    var r =
        ChildProgram.run(
            tmp,
            work,
            List.of("jbang", "--offline", "--cp", ChildProgram.classpathString(), src.toString()),
            Map.of());
    assertThat(r.exit()).as(r.err()).isZero();
    try (LaminDB ln = setup.connect("lineage")) {
      assertThat(ln.artifacts().get("key", "sample.fasta").transform().key())
          .isEqualTo("CreateFasta.java");
    }
  }
}
