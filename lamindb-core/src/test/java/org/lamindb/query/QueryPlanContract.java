package org.lamindb.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lamindb.query.QueryFixture.m;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.query.QueryRunner;
import org.lamindb.model.Artifact;
import org.lamindb.query.support.BulkLoader;
import org.lamindb.spi.Dialect;
import org.lamindb.testing.Backend;

/**
 * Plan assertions (issue 16): every common query shape runs on an index. Each test runs the public
 * call, takes exactly the statements it sent (bind values inlined) and asks the database for their
 * plans — SQLite's {@code EXPLAIN QUERY PLAN}, PostgreSQL's {@code EXPLAIN} with sequential scans
 * disabled (so a plan still shows {@code Seq Scan} only when no index can serve the query). A full
 * scan of a table fails the test; no time is measured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryPlanContract {
  LaminDB ln;
  Instance inst;
  QueryFixture fx;

  abstract Backend backend();

  @BeforeAll
  void setUp(@TempDir Path tmp) {
    ln = backend().newInstance(tmp);
    inst = Access.instance(ln);
    fx = QueryFixture.create(ln);
    // kinds at the edges of the hidden prefix '__lamindb' (a6 of the fixture is __lamindb_run__)
    fx.add(ln, CoreRegistries.ARTIFACT, "k1", m("key", "edge/k1", "size", 1L, "kind", "__lamindb"));
    fx.add(ln, CoreRegistries.ARTIFACT, "k2", m("key", "edge/k2", "size", 1L, "kind", "__lamindc"));
    fx.add(ln, CoreRegistries.ARTIFACT, "k3", m("key", "edge/k3", "size", 1L, "kind", "_lamindb"));
    fx.add(ln, CoreRegistries.ARTIFACT, "k4", m("key", "edge/k4", "size", 1L, "kind", "dataset"));
    // enough rows for the plans to matter: 3,000 artifacts, each with one of 50 labels
    List<Map<String, Object>> labels = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      labels.add(m("name", "bulk-" + i));
    }
    List<Long> labelIds =
        new ArrayList<>(
            BulkLoader.ids(
                    ln, CoreRegistries.ULABEL, BulkLoader.insert(ln, CoreRegistries.ULABEL, labels))
                .values());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < BULK; i++) {
      rows.add(
          m(
              "key",
              String.format("bulk/%04d.csv", i),
              "size",
              (long) i,
              "created_at",
              QueryFixture.T0.minusDays(1 + i)));
    }
    List<String> uids = BulkLoader.insert(ln, CoreRegistries.ARTIFACT, rows);
    Map<String, Long> ids = BulkLoader.ids(ln, CoreRegistries.ARTIFACT, uids);
    List<long[]> links = new ArrayList<>();
    int i = 0;
    for (String uid : uids) {
      links.add(new long[] {ids.get(uid), labelIds.get(i++ % labelIds.size())});
    }
    BulkLoader.link(ln, CoreRegistries.ARTIFACT, "ulabels", links);
    if (inst.db().dialect() == Dialect.POSTGRES) {
      BulkLoader.sql(ln, ctx -> ctx.execute("ANALYZE")); // PostgreSQL plans from statistics
    }
  }

  static final int BULK = 3000;

  @AfterAll
  void tearDown() {
    ln.close();
  }

  @Test
  void countOfAllArtifactsIsAnsweredFromTheBranchKindIndex() {
    // fixture: a1..a4 visible, a5 trashed, a6 LaminDB's own, a7 archived; k2..k4 visible, k1 own
    long n = assertIndexed(() -> ln.artifacts().count(), "branch_id");
    assertThat(n).isEqualTo(7 + BULK);
    assertThat(ln.artifacts().list()).hasSize(7 + BULK);
    assertThat(ln.artifacts().filter("kind__startswith", "__lamindb").count()).isEqualTo(2);
  }

  @Test
  void getByKeyUsesTheKeyIndex() {
    Artifact a = assertIndexed(() -> ln.artifacts().get("key", "raw/a.csv"), "key");
    assertThat(a.uid()).isEqualTo(fx.uids.get("a1"));
  }

  @Test
  void getByUidAndByStemUseTheUidIndex() {
    String uid = fx.uids.get("a2");
    assertThat(assertIndexed(() -> ln.artifacts().get(uid), "uid").key())
        .isEqualTo("raw/b.parquet");
    assertThat(assertIndexed(() -> ln.artifacts().get(uid.substring(0, 16)), "uid").uid())
        .isEqualTo(uid);
  }

  @Test
  void keyPrefixWithSizeUsesAnIndexRange() {
    List<Artifact> l =
        assertIndexed(
            () -> ln.artifacts().filter("key__startswith", "raw/").filter("size__gt", 150L).list(),
            "key");
    assertThat(l).extracting(Artifact::key).containsExactly("raw/b.parquet");
  }

  @Test
  void labelFilterCountUsesTheLinkIndexes() {
    long n =
        assertIndexed(() -> ln.artifacts().filter("ulabels__name", "alpha").count(), "ulabel_id");
    assertThat(n).isEqualTo(2);
  }

  @Test
  void newestFirstPageWalksTheCreatedAtIndex() {
    List<Artifact> page =
        assertIndexed(() -> ln.artifacts().orderBy("-created_at").limit(2).list(), "created_at");
    List<Artifact> expected = new ArrayList<>(ln.artifacts().list());
    expected.sort(
        java.util.Comparator.comparing(Artifact::createdAt).reversed().thenComparing(Artifact::id));
    assertThat(page)
        .extracting(Artifact::uid)
        .containsExactly(expected.get(0).uid(), expected.get(1).uid());
  }

  @Test
  void hashLookupUsesTheHashIndex() {
    String hash = ln.artifacts().get("key", "raw/a.csv").hash();
    if (hash == null) {
      return; // the fixture leaves hash empty: nothing to look up
    }
    assertThat(assertIndexed(() -> ln.artifacts().filter("hash", hash).list(), "hash")).hasSize(1);
  }

  /**
   * Runs {@code call}; asserts that none of its statements scans a whole table and that one of them
   * uses an index on {@code column} (a condition on it, or a walk of its index); returns the value.
   */
  <R> R assertIndexed(Supplier<R> call, String column) {
    List<String> sql = new ArrayList<>();
    R out = QueryRunner.observed(sql::add, call);
    assertThat(sql).as("statements run").isNotEmpty();
    List<String> all = new ArrayList<>();
    for (String s : sql) {
      List<String> plan = plan(s);
      assertThat(plan).as("plan of %s", s).isNotEmpty();
      for (String line : plan) {
        assertThat(isFullScan(line)).as("full scan in the plan of%n%s%n%s", s, plan).isFalse();
      }
      all.add(s);
      all.addAll(plan);
    }
    assertThat(all.stream().anyMatch(l -> usesIndexOn(l, column)))
        .as("an index on %s in%n%s", column, String.join("\n", all))
        .isTrue();
    return out;
  }

  /** A plan line that searches by a condition on {@code column} or walks an index named for it. */
  private static boolean usesIndexOn(String line, String column) {
    if (!line.contains("INDEX") && !line.contains("Index")) {
      return false;
    }
    boolean condition = line.matches(".*[( ]\\(?" + column + "(\\)::text)?\\s*(=|>|<|~).*");
    boolean named = line.matches(".*(INDEX|using) \\S*_" + column + "_((desc_)?idx|like).*");
    return condition || named;
  }

  private boolean isFullScan(String line) {
    String l = line.trim();
    if (inst.db().dialect() == Dialect.SQLITE) {
      // "SCAN b" reads every row of the table ("SCAN b USING INDEX i" walks an index in order)
      return l.matches("(.*[^A-Z])?SCAN [A-Za-z0-9_]+") && !l.endsWith("CONSTANT ROW");
    }
    return l.contains("Seq Scan");
  }

  private List<String> plan(String sql) {
    boolean sqlite = inst.db().dialect() == Dialect.SQLITE;
    return QueryRunner.read(
        inst,
        ctx -> {
          List<String> lines = new ArrayList<>();
          if (sqlite) {
            for (Record r : ctx.fetch("EXPLAIN QUERY PLAN " + sql)) {
              lines.add(String.valueOf(r.get("detail")));
            }
            return lines;
          }
          ctx.execute("SET enable_seqscan = off");
          try {
            for (Record r : ctx.fetch("EXPLAIN " + sql)) {
              lines.add(String.valueOf(r.get(0)));
            }
          } finally {
            ctx.execute("RESET enable_seqscan");
          }
          return lines;
        });
  }
}
