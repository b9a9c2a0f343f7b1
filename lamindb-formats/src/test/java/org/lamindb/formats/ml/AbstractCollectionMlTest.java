package org.lamindb.formats.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.Access;
import org.lamindb.ml.Batch;
import org.lamindb.ml.BatchOptions;
import org.lamindb.ml.MappedCollection;
import org.lamindb.ml.MappedOptions;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.model.Run;
import org.lamindb.testing.Backend;

/** collection.mapped() / batches() over saved AnnData artifacts, on each backend. */
abstract class AbstractCollectionMlTest {
  @TempDir Path tmp;
  LaminDB ln;
  List<Artifact> members = new ArrayList<>();

  abstract Backend backend();

  @BeforeEach
  void open() {
    MappedCollectionTest.write();
    ln = backend().newInstance(tmp);
    for (int f = 0; f < MappedCollectionTest.ROWS.length; f++) {
      Path p = MappedCollectionTest.sources.get(f).path();
      members.add(
          ln.artifact(p)
              .key("atlas/part" + f + p.getFileName().toString().replaceAll("^f\\d", ""))
              .save());
    }
  }

  @AfterEach
  void close() {
    ln.close();
  }

  @Test
  void mappedReadsTheMembersInCollectionOrderWithTheirUids() {
    Collection c = ln.collection(members).key("atlas").save();
    try (MappedCollection mc = c.mapped(MappedOptions.builder().obsKeys("cell_type").build())) {
      assertThat(mc.size()).isEqualTo(88);
      assertThat(mc.varIndex()).containsExactly("g1", "g2", "g3");
      assertThat(mc.get(0).rowId()).isEqualTo(members.get(0).uid() + ":0");
      assertThat(mc.get(37).rowId()).isEqualTo(members.get(1).uid() + ":0");
      // file 2, row 4: g1 stored at position 1 ((4+1)%3 != 0) with value 1000*2 + 10*4 + 1
      assertThat(mc.get(38 + 4).x().denseRow(0)[0]).isEqualTo(2041f);
    }
  }

  @Test
  void batchesCarryTheObsKeysOfTheMappedOptionsAndEveryRowOnce() {
    Collection c = ln.collection(members).key("atlas").save();
    BatchOptions o =
        BatchOptions.builder()
            .batchSize(16)
            .chunkSize(8)
            .shuffle(5)
            .mapped(MappedOptions.builder().obsKeys("cell_type").build())
            .build();
    List<String> ids = new ArrayList<>();
    for (Batch b : c.batches(o)) {
      assertThat(b.obs("cell_type")).hasSize(b.size());
      ids.addAll(b.rowIds());
    }
    assertThat(ids).hasSize(88).doesNotHaveDuplicates();
    assertThat(ids).allMatch(id -> members.stream().anyMatch(m -> id.startsWith(m.uid() + ":")));
  }

  @Test
  void trackedRunRecordsTheCollectionNotItsMembersAsInput() {
    Collection c = ln.collection(members).key("atlas").save();
    Run run = ln.track();
    try (MappedCollection mc = c.mapped()) {
      assertThat(mc.size()).isEqualTo(88);
    }
    ln.finish();
    var dsl = Access.instance(ln).db().dsl();
    assertThat(
            dsl.fetchCount(
                DSL.table("lamindb_collection_input_of_runs"),
                DSL.field("run_id").eq(run.id()).and(DSL.field("collection_id").eq(c.id()))))
        .isEqualTo(1);
    assertThat(
            dsl.fetchCount(
                DSL.table("lamindb_artifact_input_of_runs"), DSL.field("run_id").eq(run.id())))
        .isZero();
  }

  @Test
  void nonAnnDataMemberIsRefusedWithItsUid() throws Exception {
    Path txt = Files.writeString(tmp.resolve("notes.txt"), "hello");
    Artifact t = ln.artifact(txt).key("notes.txt").save();
    List<Artifact> mixed = new ArrayList<>(members);
    mixed.add(t);
    Collection c = ln.collection(mixed).key("mixed").save();
    assertThatThrownBy(c::mapped)
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(t.uid())
        .hasMessageContaining(".txt");
  }
}
