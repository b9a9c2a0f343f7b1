package org.lamindb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.lineage.TrackOptions;
import org.lamindb.model.Dtype;
import org.lamindb.model.Run;
import org.lamindb.testing.PostgresTestServer;

/**
 * The CLI papercuts of issue 14 through the real launcher: {@code lamin list} columns, {@code lamin
 * describe run|transform|collection|record}, {@code lamin load} of a transform, the message for
 * identical content, CLI (not Java) hints and "did you mean".
 */
abstract class AbstractFirstHourCliTest {
  @TempDir Path tmp;
  LaminProcess lamin;

  abstract boolean postgres();

  @BeforeEach
  void setUp() throws Exception {
    lamin = new LaminProcess(tmp.resolve("home"), Map.of());
    var init =
        postgres()
            ? lamin.run(
                "init",
                "--storage",
                tmp.resolve("data").toString(),
                "--db",
                PostgresTestServer.newEmptyDatabase())
            : lamin.run("init", "--storage", tmp.resolve("data").toString());
    assertThat(init.exit()).as(init.err()).isZero();
  }

  private LaminDB connect() {
    return LaminSetup.at(
            tmp.resolve("home"), Map.of("LAMIN_CACHE_DIR", tmp.resolve("cache").toString()))
        .connect();
  }

  private static List<String> header(LaminProcess.Result r) {
    return Arrays.asList(r.outLines().get(0).trim().split("\\s+"));
  }

  @Test
  void listShowsDefaultColumnsAndHonoursColumnsAndAllColumns() throws Exception {
    Path f = Files.writeString(tmp.resolve("a.txt"), "hello");
    String longText = "a description that goes on and on ".repeat(4).strip();
    var save = lamin.run("save", f.toString(), "--key", "raw/a.txt", "--description", longText);
    assertThat(save.exit()).as(save.err()).isZero();
    try (LaminDB ln = connect()) {
      ln.track(TrackOptions.ofKey("secret_step.sh").sourceCode("echo SOURCE_CODE_MARKER\n"));
      ln.finish();
    }
    var list = lamin.run("list", "artifact");
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(header(list))
        .containsExactly(
            "uid",
            "key",
            "description",
            "suffix",
            "kind",
            "otype",
            "size",
            "is_latest",
            "created_at");
    assertThat(list.out()).contains("raw/a.txt", "a description that goes on and on a des…");
    assertThat(list.out()).doesNotContain(longText);

    var transforms = lamin.run("list", "transform");
    assertThat(header(transforms))
        .containsExactly(
            "uid", "key", "description", "kind", "version_tag", "is_latest", "created_at");
    assertThat(transforms.out()).contains("secret_step.sh").doesNotContain("SOURCE_CODE_MARKER");
    var allTransformColumns = lamin.run("list", "transform", "--all-columns");
    assertThat(header(allTransformColumns)).contains("id", "hash", "created_by_id");
    assertThat(allTransformColumns.out()).doesNotContain("SOURCE_CODE_MARKER");

    var ulabel = lamin.run("create", "ulabel", "blue");
    assertThat(ulabel.exit()).as(ulabel.err()).isZero();
    var ulabels = lamin.run("list", "ulabel");
    assertThat(header(ulabels)).startsWith("uid", "name").doesNotContain("id", "created_by_id");
    assertThat(header(ulabels)).noneMatch(c -> c.startsWith("_"));

    var named = lamin.run("list", "artifact", "--columns", "key,size,created_by__handle");
    assertThat(named.outLines().get(0).trim().split("\\s+"))
        .containsExactly("key", "size", "created_by__handle");
    assertThat(named.outLines().get(2)).contains("raw/a.txt", "5", "anonymous");
    var all = lamin.run("list", "artifact", "--all-columns", "--format", "csv");
    assertThat(all.outLines().get(0).split(","))
        .contains("id", "storage_id", "created_by_id", "_real_key");
    assertThat(all.out()).contains(longText);
  }

  @Test
  void describeRunTransformRecordAndCollection() throws Exception {
    String runUid;
    String collectionUid;
    try (LaminDB ln = connect()) {
      Run run =
          ln.track(TrackOptions.ofKey("pipeline.sh").sourceCode("echo hi\n").param("alpha", 2));
      Path f = Files.writeString(tmp.resolve("out.txt"), "result");
      ln.artifact(f).key("results/out.txt").save();
      ln.finish();
      runUid = run.uid();
      ln.record("sample 1").save();
      collectionUid = new org.lamindb.model.Collection(ln).key("my-collection").save().uid();
    }
    var run = lamin.run("describe", "run", runUid);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Run: " + runUid.substring(0, 7) + " (pipeline.sh)")
        .contains("status: completed", "duration: ", "alpha: 2", "Outputs", "(results/out.txt)");
    var transform = lamin.run("describe", "transform", "pipeline.sh");
    assertThat(transform.exit()).as(transform.err()).isZero();
    assertThat(transform.out())
        .startsWith("Transform: pipeline.sh (0000)")
        .contains("Versions", "Runs (1)", runUid);
    var record = lamin.run("describe", "record", "sample 1");
    assertThat(record.exit()).as(record.err()).isZero();
    assertThat(record.out()).startsWith("Record: sample 1");
    var collection = lamin.run("describe", "collection", collectionUid);
    assertThat(collection.exit()).as(collection.err()).isZero();
    assertThat(collection.out()).startsWith("Collection: my-collection (0000)");
    var missing = lamin.run("describe", "run", "zzzzzzzzzzzzzzzz");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo(
            "✗ no run with uid or name 'zzzzzzzzzzzzzzzz'; list them with `lamin list run`\n");
  }

  @Test
  void loadOfATransformKeyWritesItsSourceIntoTheWorkingDirectory() throws Exception {
    try (LaminDB ln = connect()) {
      ln.track(TrackOptions.ofKey("scripts/step.sh").sourceCode("echo step one\n"));
      ln.finish();
    }
    Path work = Files.createDirectories(tmp.resolve("work"));
    var load = lamin.run(work, "load", "--key", "scripts/step.sh");
    assertThat(load.exit()).as(load.err()).isZero();
    Path written = work.resolve("scripts/step.sh");
    assertThat(load.outLines()).last().isEqualTo(written.toString());
    assertThat(written).hasContent("echo step one");
    Files.writeString(written, "echo edited\n");
    var refused = lamin.run(work, "load", "transform", "--key", "scripts/step.sh");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).startsWith("✗ " + written + " exists with other content");
    assertThat(written).hasContent("echo edited");
    assertThat(lamin.run(work, "load", "--key", "scripts/step.sh", "--force").exit()).isZero();
    assertThat(written).hasContent("echo step one");
  }

  @Test
  void savingIdenticalContentSaysItReturnedTheExistingArtifact() throws Exception {
    Path f = Files.writeString(tmp.resolve("a.txt"), "same bytes");
    var first = lamin.run("save", f.toString(), "--key", "a.txt");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).doesNotContain("returning artifact");
    String uid = first.out().replaceAll("(?s).*uid=(\\w{20}).*", "$1");
    Path copy = Files.writeString(tmp.resolve("b.txt"), "same bytes");
    var again = lamin.run("save", copy.toString(), "--key", "a.txt");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out())
        .contains(
            "→ returning artifact with same hash: "
                + uid
                + "; to track this artifact as an input, use: lamin load --uid "
                + uid);
  }

  @Test
  void cliHintsAreCommandsAndTyposGetDidYouMean() throws Exception {
    try (LaminDB ln = connect()) {
      ln.feature("gc_content", Dtype.FLOAT).save();
    }
    Path f = Files.writeString(tmp.resolve("s.fasta"), ">s\nACGT\n");
    assertThat(lamin.run("save", f.toString(), "--key", "s.fasta").exit()).isZero();
    var typo = lamin.run("annotate", "s.fasta", "--feature", "gc_contnet=0.5");
    assertThat(typo.exit()).isEqualTo(1);
    assertThat(typo.err())
        .startsWith("✗ These keys could not be validated: ['gc_contnet']")
        .contains("'gc_contnet'; did you mean 'gc_content'?", "lamin create feature gc_contnet")
        .doesNotContain("ln.", "Dtype.");
    var label = lamin.run("annotate", "s.fasta", "--ulabel", "nope");
    assertThat(label.err())
        .contains("create with: lamin create ulabel 'nope'")
        .doesNotContain("ln.");
    var dtype = lamin.run("create", "feature", "disease", "--dtype", "cat[bionty.Disease]");
    assertThat(dtype.exit()).isEqualTo(1);
    assertThat(dtype.err())
        .contains("enable the module: lamin init --modules bionty")
        .doesNotContain("InitOptions");
    var finish = lamin.run("finish");
    assertThat(finish.err()).contains("lamin track").doesNotContain("ln.track");
    var created = lamin.run("create", "feature", "gc_contnet", "--dtype", "float");
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(lamin.run("annotate", "s.fasta", "--feature", "gc_contnet=0.5").exit()).isZero();
  }
}
