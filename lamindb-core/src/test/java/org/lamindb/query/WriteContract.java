package org.lamindb.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lamindb.query.QueryFixture.T0;
import static org.lamindb.query.QueryFixture.m;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.NotFoundException;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.model.Artifact;
import org.lamindb.model.ULabel;
import org.lamindb.query.support.BulkLoader;
import org.lamindb.testing.Backend;

/** Versions, bulk delete/update, search ranking and streaming; a fresh instance per test. */
abstract class WriteContract {
  static final String STEM = "AbCdEfGh12345678";
  LaminDB ln;

  abstract Backend backend();

  @BeforeEach
  void setUp(@TempDir Path tmp) {
    ln = backend().newInstance(tmp);
  }

  @AfterEach
  void tearDown() {
    ln.close();
  }

  /** Family STEM: versions 0000 (T0), 0001 (T0+1h), 0002 (T0+2h, latest), key v.csv. */
  QueryFixture family() {
    QueryFixture f = new QueryFixture();
    for (int i = 0; i < 3; i++) {
      f.add(
          ln,
          CoreRegistries.ARTIFACT,
          "v" + i,
          m(
              "uid",
              STEM + "000" + i,
              "key",
              "v.csv",
              "size",
              (long) i,
              "created_at",
              T0.plusHours(i),
              "is_latest",
              i == 2));
    }
    return f;
  }

  @Test
  void getByStemAndKeyPrefersLatest() {
    family();
    assertThat(ln.artifacts().get(STEM).uid()).isEqualTo(STEM + "0002");
    assertThat(ln.artifacts().get(STEM + "0001").uid()).isEqualTo(STEM + "0001");
    assertThat(ln.artifacts().get("key", "v.csv").uid()).isEqualTo(STEM + "0002");
    assertThat(ln.artifacts().filter("uid__startswith", STEM).update(Map.of("is_latest", false)))
        .isEqualTo(3);
    // no latest version: newest by created_at
    assertThat(ln.artifacts().get("key", "v.csv").uid()).isEqualTo(STEM + "0002");
    assertThat(ln.artifacts().get(STEM).uid()).isEqualTo(STEM + "0002");
    assertThatThrownBy(() -> ln.artifacts().get("zzzzzzzzzzzzzzzz"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void softDeleteOfHeadPromotesPreviousVersion() {
    family();
    assertThat(ln.artifacts().filter("uid", STEM + "0002").delete()).isEqualTo(1);
    assertThat(ln.artifacts().filter("key", "v.csv").count()).isEqualTo(2);
    Artifact head = ln.artifacts().get("key", "v.csv");
    assertThat(head.uid()).isEqualTo(STEM + "0001");
    assertThat(head.isLatest()).isTrue();
    Artifact trashed = ln.artifacts().get(STEM + "0002");
    assertThat(trashed.get("branch_id")).isEqualTo(-1L);
    assertThat(trashed.isLatest()).isFalse();
    assertThat(ln.artifacts().filter("branch_id", -1L).count()).isEqualTo(1);
  }

  @Test
  void softDeleteOfWholeFamilyKeepsSoleHeadLatest() {
    family();
    assertThat(ln.artifacts().filter("key", "v.csv").delete()).isEqualTo(3);
    assertThat(ln.artifacts().count()).isZero();
    assertThat(ln.artifacts().filter("branch_id", -1L).filter("is_latest", true).count())
        .isEqualTo(1);
  }

  @Test
  void permanentDeleteRemovesRows() {
    family();
    assertThat(ln.artifacts().filter("uid", STEM + "0002").delete(true)).isEqualTo(1);
    assertThat(ln.artifacts().filter("branch", null).count()).isEqualTo(2);
    assertThat(ln.artifacts().get("key", "v.csv").uid()).isEqualTo(STEM + "0001");
    assertThat(ln.artifacts().get(STEM + "0001").isLatest()).isTrue();
  }

  @Test
  void bulkUpdateAndDeleteOfLabels() {
    for (String n : List.of("upd_a", "upd_b", "keep")) {
      ln.ulabel(n).save();
    }
    assertThat(
            ln.ulabels()
                .filter("name__startswith", "upd_")
                .update(Map.of("description", "temporary")))
        .isEqualTo(2);
    assertThat(ln.ulabels().filter("description", "temporary").count()).isEqualTo(2);
    assertThatThrownBy(() -> ln.ulabels().update(Map.of("nmae", "x")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'name'");
    assertThatThrownBy(() -> ln.ulabels().update(Map.of("name", 3L)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("string");
    assertThat(ln.ulabels().filter("description", "temporary").delete()).isEqualTo(2);
    assertThat(ln.ulabels().count()).isEqualTo(1);
    assertThat(ln.ulabels().filter("branch_id", -1L).count()).isEqualTo(2);
    assertThat(ln.ulabels().filter("branch_id", -1L).delete(true)).isEqualTo(2);
    assertThat(ln.ulabels().filter("branch", null).count()).isEqualTo(1);
  }

  @Test
  void caseInsensitiveLookupsFoldUnicode() {
    ln.ulabel("ÄRGER Straße").save();
    ln.ulabel("plain").save();
    assertThat(ln.ulabels().filter("name__icontains", "ärger").count()).isEqualTo(1);
    assertThat(ln.ulabels().filter("name__iexact", "ärger straße").count()).isEqualTo(1);
    assertThat(ln.ulabels().filter("name__istartswith", "Ärg").count()).isEqualTo(1);
    assertThat(ln.ulabels().filter("name__contains", "ärger").count()).isZero();
    assertThat(ln.ulabels().search("ärger").list())
        .extracting(ULabel::name)
        .containsExactly("ÄRGER Straße");
  }

  // ------------------------------------------------------------ search

  List<String> searchNames(QuerySet<ULabel> q) {
    return q.list().stream().map(ULabel::name).toList();
  }

  @Test
  void searchRanksAsLaminDb() {
    ln.ulabel("cell").save();
    ln.ulabel("T cell").save();
    ln.ulabel("cellular component").save();
    ln.ulabel("excellent").save();
    ln.ulabel("other").description("a cell line").save();
    ln.ulabel("unrelated").save();
    // scores (spec §9.6): cell 223, T cell 15, other 15 (description; name score 0), cellular
    // component 11,
    // excellent 1
    assertThat(searchNames(ln.ulabels().search("cell")))
        .containsExactly("cell", "T cell", "other", "cellular component", "excellent");
    assertThat(searchNames(ln.ulabels().search("  CELL "))).startsWith("cell", "T cell");
    assertThat(searchNames(ln.ulabels().search("cell").limit(2))).containsExactly("cell", "T cell");
    assertThat(searchNames(ln.ulabels().filter("name__startswith", "c").search("cell")))
        .containsExactly("cell", "cellular component");
    assertThat(ln.ulabels().search("cell").count()).isEqualTo(5);
    assertThat(ln.ulabels().search("cell").toDataFrame().stringColumn("name").asList())
        .containsExactly("cell", "T cell", "other", "cellular component", "excellent");
    assertThat(ln.ulabels().search("100%").list()).isEmpty();
    assertThatThrownBy(() -> ln.ulabels().search(null))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void searchRanksSynonyms() {
    for (String[] f :
        new String[][] {
          {"PP cell", null}, {"nodal myocyte", "P cell|pacemaker"}, {"unrelated", null}
        }) {
      BulkLoader.insert(
          ln,
          CoreRegistries.FEATURE,
          List.of(
              new java.util.HashMap<>(
                  m(
                      "name",
                      f[0],
                      "synonyms",
                      f[1],
                      "_dtype_str",
                      "num",
                      "array_rank",
                      0L,
                      "array_size",
                      0L))));
    }
    // nodal myocyte: synonym 200 + 10 + 8 + 2 + 2 + 1 = 223; PP cell: 2 + 1 = 3
    assertThat(ln.features().search("P cell").list().stream().map(x -> x.get("name")).toList())
        .containsExactly("nodal myocyte", "PP cell");
  }

  // ------------------------------------------------------------ streaming

  @Test
  void streamOver100kRowsInBoundedHeap() {
    int n = 100_000;
    List<Map<String, Object>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(
          new java.util.HashMap<>(
              m(
                  "key",
                  "bulk/" + i + ".bin",
                  "size",
                  (long) i,
                  "description",
                  "row " + i + " of a long stream, padded to take some room in memory")));
    }
    BulkLoader.insert(ln, CoreRegistries.ARTIFACT, rows);
    rows.clear();
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    System.gc();
    long base = mem.getHeapMemoryUsage().getUsed();
    AtomicLong count = new AtomicLong();
    AtomicLong sum = new AtomicLong();
    long[] peak = {0};
    try (Stream<Artifact> s = ln.artifacts().stream()) {
      s.forEach(
          a -> {
            sum.addAndGet(a.size());
            if (count.incrementAndGet() % 20_000 == 0) {
              System.gc();
              peak[0] = Math.max(peak[0], mem.getHeapMemoryUsage().getUsed() - base);
            }
          });
    }
    assertThat(count.get()).isEqualTo(n);
    assertThat(sum.get()).isEqualTo((long) n * (n - 1) / 2);
    // 100k loaded entities take well over 100 MiB; a cursor keeps only a fetch-size window
    assertThat(peak[0]).isLessThan(48L << 20);
    // abandoned streams release their connection when closed (more streams than pool connections)
    for (int i = 0; i < 12; i++) {
      try (Stream<Artifact> s = ln.artifacts().filter("size__lt", 5000L).stream()) {
        assertThat(s.limit(3).count()).isEqualTo(3);
      }
    }
    assertThat(ln.artifacts().filter("size__lt", 5000L).count()).isEqualTo(5000);
  }
}
