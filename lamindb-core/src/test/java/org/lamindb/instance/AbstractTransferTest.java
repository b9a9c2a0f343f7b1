package org.lamindb.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.ReadOnlyException;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Record;
import org.lamindb.model.ULabel;
import org.lamindb.testing.Backend;

/**
 * Issue 20, transfer: an artifact of another instance (opened read-only with {@code db(..)})
 * registers here with the same uid, hash and key, its features and labels, referencing its content
 * in place (or copying it), with a transfer run as provenance; twice gives the same artifact.
 */
abstract class AbstractTransferTest {
  @TempDir Path tmp;
  LaminSetup setup;
  LaminDB source;
  LaminDB target;
  Artifact a1;
  ULabel tumor;

  abstract Backend backend();

  @BeforeEach
  void create() throws Exception {
    setup = Backend.setup(tmp);
    source = setup.init(backend().options(tmp.resolve("source-storage"), "source"));
    source.feature("score", Dtype.FLOAT).save();
    tumor = source.ulabel("tumor").save();
    Record sample = source.record("Sample").isType(true).save();
    source.record("S1").type(sample).save();
    source.feature("sample", Dtype.of(sample)).save();
    a1 =
        source
            .artifact(Files.writeString(tmp.resolve("a.txt"), "alpha"))
            .key("data/a.txt")
            .description("first")
            .save();
    a1.ulabels().add(tumor);
    a1.features().addValues(Map.of("score", 0.9, "sample", "S1"));
    target = setup.init(backend().options(tmp.resolve("target-storage"), "target"));
  }

  @AfterEach
  void close() {
    target.close();
    source.close();
  }

  @Test
  void keepsUidHashKeyFeaturesAndLabelsReferencesContentAndIsIdempotent() throws Exception {
    long labelsBefore = target.ulabels().count();
    Artifact t;
    try (LaminDB db = setup.db(source.slug())) {
      t = target.artifacts().transfer(db.artifacts().get(a1.uid()));
      assertThat(db.artifacts().get(a1.uid()).transferTo(target).id()).isEqualTo(t.id());
    }
    assertThat(t.uid()).isEqualTo(a1.uid());
    assertThat(t.hash()).isEqualTo(a1.hash());
    assertThat(t.key()).isEqualTo("data/a.txt");
    assertThat(t.description()).isEqualTo("first");
    assertThat(t.size()).isEqualTo(a1.size());
    assertThat(target.artifacts().filter("key", "data/a.txt").count()).isEqualTo(1);
    assertThat(target.ulabels().count()).isEqualTo(labelsBefore + 1);

    assertThat(t.ulabels().list()).extracting(ULabel::uid).containsExactly(tumor.uid());
    assertThat(t.features().get("score")).isEqualTo(0.9);
    assertThat(t.features().get("sample")).isEqualTo("S1");
    assertThat(target.features().get("name", "score").uid())
        .isEqualTo(source.features().get("name", "score").uid());
    assertThat(target.artifacts().filter("score__gt", 0.5).one().uid()).isEqualTo(a1.uid());
    assertThat(target.artifacts().filter("ulabels__name", "tumor").one().uid()).isEqualTo(a1.uid());

    // content referenced in place: the path is in the source's storage
    assertThat(t.path()).startsWith(tmp.resolve("source-storage").toString());
    assertThat(Files.readString(t.cache())).isEqualTo("alpha");
    assertThat(t.storage().root()).isEqualTo(a1.storage().root());

    // provenance: a run of the transfer transform
    assertThat(t.run()).isNotNull();
    assertThat(t.transform().key()).isEqualTo("__lamindb_transfer__/" + source.slug());
    assertThat(t.transform().kind()).isEqualTo("function");
  }

  @Test
  void aLabelWithTheSameNameHereIsReusedNotDuplicated() {
    ULabel mine = target.ulabel("tumor").save();
    try (LaminDB db = setup.db(source.slug())) {
      Artifact t = db.artifacts().get(a1.uid()).transferTo(target);
      assertThat(t.ulabels().list()).extracting(ULabel::id).containsExactly(mine.id());
    }
    assertThat(target.ulabels().filter("name", "tumor").count()).isEqualTo(1);
  }

  @Test
  void copyPutsTheContentIntoThisInstancesStorage() throws Exception {
    Artifact t;
    try (LaminDB db = setup.db(source.slug())) {
      t = db.artifacts().get(a1.uid()).transferTo(target, true);
    }
    assertThat(t.uid()).isEqualTo(a1.uid());
    assertThat(t.path()).startsWith(tmp.resolve("target-storage").toString());
    Files.delete(Path.of(a1.path())); // the source's copy goes away
    assertThat(Files.readString(t.cache())).isEqualTo("alpha");
    assertThat(t.key()).isEqualTo("data/a.txt");
  }

  @Test
  void otherRecordsTransferByUidAndAReadOnlyTargetIsRefused() {
    try (LaminDB db = setup.db(source.slug())) {
      ULabel l = target.ulabels().transfer(db.ulabels().get("name", "tumor"));
      assertThat(l.uid()).isEqualTo(tumor.uid());
      assertThat(target.ulabels().transfer(db.ulabels().get("name", "tumor")).id())
          .isEqualTo(l.id());
      try (LaminDB ro = setup.db(target.slug())) {
        Artifact a = db.artifacts().get(a1.uid());
        assertThatThrownBy(() -> a.transferTo(ro))
            .isInstanceOf(ReadOnlyException.class)
            .hasMessageContaining("transfer");
      }
    }
    assertThat(target.artifacts().filter("uid", a1.uid()).exists()).isFalse();
  }
}
