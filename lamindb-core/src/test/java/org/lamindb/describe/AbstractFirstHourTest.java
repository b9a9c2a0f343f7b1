package org.lamindb.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminException;
import org.lamindb.ValidationException;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Run;
import org.lamindb.model.Transform;
import org.lamindb.query.Include;
import org.lamindb.testing.Backend;
import tech.tablesaw.api.Table;

/**
 * First-hour papercuts of issue 14 on every metadata backend: describe() of artifacts, runs and
 * transforms, {@code versions()} as a query set, {@code Include.fields}, {@code features(Map)} at
 * save, "did you mean" for feature and dtype typos with CLI and Java hints.
 */
public abstract class AbstractFirstHourTest {
  @TempDir Path tmp;
  LaminDB ln;

  abstract Backend backend();

  @BeforeEach
  void open() {
    ln = backend().newInstance(tmp);
  }

  @AfterEach
  void close() {
    ln.close();
  }

  private Path file(String name, String content) throws Exception {
    Path p = tmp.resolve("in").resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  @Test
  void versionsIsAQuerySetOldestFirstWithoutTrash() throws Exception {
    Artifact v1 = ln.artifact(file("a.txt", "one")).key("a.txt").save();
    Artifact v2 = ln.artifact(file("a.txt", "two")).key("a.txt").save();
    Artifact v3 = ln.artifact(file("a.txt", "three")).key("a.txt").save();
    ln.artifact(file("b.txt", "other")).key("b.txt").save();
    v2.delete();
    Table t = v3.versions().toDataFrame();
    assertThat(t.stringColumn("uid").asList()).containsExactly(v1.uid(), v3.uid());
    assertThat(v1.versions().count()).isEqualTo(2);
    assertThat(v1.versions().filter("is_latest", true).list()).containsExactly(v3);
  }

  @Test
  void includeFieldsAddsToTheDefaultColumns() throws Exception {
    ln.artifact(file("a.txt", "one")).key("a.txt").save();
    List<String> defaults = ln.artifacts().toDataFrame().columnNames();
    Table t = ln.artifacts().toDataFrame(Include.fields("created_by__handle", "storage__root"));
    List<String> expected = new ArrayList<>(defaults);
    expected.addAll(List.of("created_by__handle", "storage__root"));
    assertThat(t.columnNames()).containsExactlyElementsOf(expected);
    assertThat(defaults).contains("key", "size", "hash");
    assertThat(t.stringColumn("created_by__handle").get(0)).isEqualTo(ln.user().handle());
  }

  @Test
  void featuresMapAnnotatesAtSaveAndABadNameLeavesNoArtifact() throws Exception {
    ln.feature("gc_content", Dtype.FLOAT).save();
    Artifact a =
        ln.artifact(file("s.fasta", ">s\nACGT\n"))
            .key("s.fasta")
            .features(Map.of("gc_content", 0.55))
            .save();
    assertThat(ln.artifacts().get(a.uid()).features().get()).isEqualTo(Map.of("gc_content", 0.55));
    assertThat(ln.artifacts().filter("gc_content__gt", 0.5).list()).containsExactly(a);

    Path other = file("t.fasta", ">t\nTTTT\n");
    assertThatThrownBy(
            () -> ln.artifact(other).key("t.fasta").features(Map.of("gc_contnet", 0.4)).save())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("did you mean 'gc_content'");
    assertThat(ln.artifacts().filter("key", "t.fasta").count()).isZero();
    assertThat(ln.artifacts().count()).isEqualTo(1);
  }

  @Test
  void featureTypoGetsDidYouMeanAndHintsForJavaAndCli() throws Exception {
    ln.feature("gc_content", Dtype.FLOAT).save();
    Artifact a = ln.artifact(file("a.txt", "one")).key("a.txt").save();
    assertThatThrownBy(() -> a.features().addValues(Map.of("gc_contnet", 0.5)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("These keys could not be validated: ['gc_contnet']")
                  .contains("'gc_contnet'; did you mean 'gc_content'?")
                  .contains("ln.feature(\"gc_contnet\", Dtype.FLOAT).save();");
              assertThat(e.cliMessage())
                  .contains("did you mean 'gc_content'?")
                  .contains("lamin create feature gc_contnet --dtype float")
                  .doesNotContain("ln.");
            });
  }

  @Test
  void dtypeTypoGetsDidYouMeanAndModuleHintOnlyWhenTheModuleIsMissing() {
    assertThatThrownBy(() -> ln.feature("label", Dtype.parse("cat[ULabl]")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("did you mean 'ULabel'?")
        .hasMessageNotContaining("enable");
    assertThatThrownBy(() -> ln.feature("disease", Dtype.parse("cat[bionty.Disease]")))
        .isInstanceOfSatisfying(
            LaminException.class,
            e -> {
              assertThat(e.getMessage()).contains("InitOptions.modules(\"bionty\")");
              assertThat(e.cliMessage())
                  .contains("enable the module: lamin init --modules bionty")
                  .doesNotContain("InitOptions");
            });
  }

  @Test
  void artifactDescribeDrawsUnicodeGuidesOnly() throws Exception {
    Artifact a = ln.artifact(file("a.txt", "one")).key("a.txt").description("my first file").save();
    a.ulabels().add(ln.ulabel("blue").save());
    String d = a.describeText();
    List<String> lines = d.lines().toList();
    assertThat(lines.get(0)).isEqualTo("Artifact: a.txt (0000)");
    assertThat(lines.get(1)).isEqualTo("│   description: my first file");
    for (String l : lines.subList(1, lines.size())) {
      assertThat(l).matches("^(├── |└── |│   |    ).*");
    }
    assertThat(d).doesNotContain("|   ").contains("└── Labels", "    .ulabels");
  }

  @Test
  void runDescribeShowsStatusTimesTransformParamsInputsAndOutputs() throws Exception {
    Artifact input = ln.artifact(file("in.csv", "a,b\n1,2\n")).key("in.csv").save();
    Run run =
        ln.track(
            TrackOptions.ofKey("pipeline.sh")
                .sourceCode("echo step\n")
                .entrypoint("main")
                .param("alpha", 0.5)
                .param("mode", "fast"));
    input.cache();
    Artifact output = ln.artifact(file("out.csv", "c\n3\n")).key("out.csv").save();
    ln.finish();
    String d = ln.runs().get(run.uid()).describeText();
    assertThat(d.lines().findFirst().orElseThrow())
        .isEqualTo("Run: " + run.uid().substring(0, 7) + " (pipeline.sh)");
    assertThat(d)
        .contains(
            "transform: pipeline.sh (0000)",
            "status: completed",
            "entrypoint: main",
            "started_at: ",
            "finished_at: ",
            "duration: ",
            "├── Params",
            "│   alpha: 0.5",
            "│   mode: fast",
            "Inputs",
            "Artifact " + input.uid() + " (in.csv)",
            "Outputs",
            "Artifact " + output.uid() + " (out.csv)");
    assertThat(d).doesNotContain("finished_at: \n").doesNotContain("duration: \n");
    Run reloaded = ln.runs().get(run.uid());
    if (reloaded.report() != null) {
      assertThat(d).contains("report: Artifact " + reloaded.report().uid());
    }
    if (reloaded.environment() != null) {
      assertThat(d).contains("environment: Artifact " + reloaded.environment().uid());
    }
  }

  @Test
  void transformDescribeListsVersionsAndRuns() {
    Run r1 = ln.track(TrackOptions.ofKey("qc.sh").sourceCode("echo one\n"));
    ln.finish();
    Run r2 = ln.track(TrackOptions.ofKey("qc.sh").sourceCode("echo two\n"));
    ln.finish();
    Run r3 = ln.track(TrackOptions.ofKey("qc.sh").sourceCode("echo two\n"));
    ln.finish();
    Transform t1 = r1.transform();
    Transform t2 = r2.transform();
    assertThat(t2.uid()).isNotEqualTo(t1.uid());
    String d = ln.transforms().get(t2.uid()).describeText();
    assertThat(d).startsWith("Transform: qc.sh (0001)");
    assertThat(d).contains("├── Versions", "│   " + t1.uid(), "│   " + t2.uid(), "Runs (2)");
    assertThat(d).contains(r2.uid(), r3.uid()).doesNotContain(r1.uid());
    String v = d.substring(d.indexOf("Versions"));
    assertThat(v.indexOf(t1.uid())).isLessThan(v.indexOf(t2.uid()));
  }
}
