package org.lamindb.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lamindb.query.QueryFixture.T0;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.MultipleResultsException;
import org.lamindb.NotFoundException;
import org.lamindb.model.Artifact;
import org.lamindb.model.Run;
import org.lamindb.model.SQLRecord;
import org.lamindb.model.ULabel;
import org.lamindb.testing.Backend;

/**
 * Read-only query behaviour on a fixed set of rows ({@link QueryFixture}); every expectation is
 * written out by hand from the fixture's comments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryContract {
  LaminDB ln;
  QueryFixture fx;

  abstract Backend backend();

  @BeforeAll
  void setUp(@TempDir Path tmp) {
    ln = backend().newInstance(tmp);
    fx = QueryFixture.create(ln);
  }

  @AfterAll
  void tearDown() {
    ln.close();
  }

  /**
   * @return fixture names of the records, as a sorted set
   */
  Set<String> names(List<? extends SQLRecord<?>> records) {
    Set<String> out = new TreeSet<>();
    for (SQLRecord<?> r : records) {
      String name =
          fx.ids.entrySet().stream()
              .filter(
                  e ->
                      e.getValue().equals(r.id())
                          && fixtureRegistry(e.getKey()).equals(r.registry().name()))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse("?" + r.id());
      out.add(name);
    }
    return out;
  }

  private static String fixtureRegistry(String name) {
    return name.startsWith("a")
        ? "Artifact"
        : name.startsWith("r")
            ? "Run"
            : name.startsWith("t") ? "Transform" : name.startsWith("L_") ? "ULabel" : "?";
  }

  Set<String> arts(QuerySet<Artifact> q) {
    return names(q.list());
  }

  static Set<String> set(String... s) {
    return new TreeSet<>(List.of(s));
  }

  // ------------------------------------------------------------ lookups on core column types

  @Test
  void textLookups() {
    assertThat(arts(ln.artifacts().filter("key", "raw/a.csv"))).isEqualTo(set("a1"));
    assertThat(arts(ln.artifacts().filter("key__iexact", "RAW/A.CSV"))).isEqualTo(set("a1"));
    assertThat(arts(ln.artifacts().filter("key__startswith", "raw/"))).isEqualTo(set("a1", "a2"));
    assertThat(arts(ln.artifacts().filter("key__startswith", "RAW/"))).isEmpty();
    assertThat(arts(ln.artifacts().filter("key__istartswith", "RAW/"))).isEqualTo(set("a1", "a2"));
    assertThat(arts(ln.artifacts().filter("key__endswith", ".csv"))).isEqualTo(set("a1"));
    assertThat(arts(ln.artifacts().filter("key__iendswith", ".CSV"))).isEqualTo(set("a1"));
    assertThat(arts(ln.artifacts().filter("key__contains", "/b."))).isEqualTo(set("a2"));
    assertThat(arts(ln.artifacts().filter("key__contains", "/B."))).isEmpty();
    assertThat(arts(ln.artifacts().filter("key__icontains", "/B."))).isEqualTo(set("a2"));
    assertThat(
            arts(
                ln.artifacts().filter("key__in", List.of("raw/a.csv", "processed/c.h5ad", "nope"))))
        .isEqualTo(set("a1", "a3"));
    assertThat(arts(ln.artifacts().filter("key__regex", "^[a-z]+/[bc]\\.")))
        .isEqualTo(set("a2", "a3"));
    assertThat(arts(ln.artifacts().filter("key__isnull", true))).isEqualTo(set("a4"));
    assertThat(arts(ln.artifacts().filter("key", null))).isEqualTo(set("a4"));
    assertThat(arts(ln.artifacts().filter("key__gt", "processed/z"))).isEqualTo(set("a1", "a2"));
    assertThat(arts(ln.artifacts().filter("key__range", List.of("raw/a", "raw/b"))))
        .isEqualTo(set("a1"));
  }

  @Test
  void integerBooleanTimestampJsonLookups() {
    assertThat(arts(ln.artifacts().filter("size", 100L))).isEqualTo(set("a1"));
    assertThat(arts(ln.artifacts().filter("size", 100))).isEqualTo(set("a1"));
    assertThat(arts(ln.artifacts().filter("size__gt", 100L))).isEqualTo(set("a2", "a3"));
    assertThat(arts(ln.artifacts().filter("size__gte", 100L))).isEqualTo(set("a1", "a2", "a3"));
    assertThat(arts(ln.artifacts().filter("size__lt", 2000L))).isEqualTo(set("a1"));
    assertThat(arts(ln.artifacts().filter("size__lte", 2000L))).isEqualTo(set("a1", "a2"));
    assertThat(arts(ln.artifacts().filter("size__range", new long[] {100, 2000})))
        .isEqualTo(set("a1", "a2"));
    assertThat(arts(ln.artifacts().filter("size__in", List.of(100L, 3_000_000L))))
        .isEqualTo(set("a1", "a3"));
    assertThat(arts(ln.artifacts().filter("size__isnull", true))).isEqualTo(set("a4"));
    assertThat(arts(ln.artifacts().filter("_key_is_virtual", false))).isEqualTo(set("a3"));
    assertThat(arts(ln.artifacts().filter("_key_is_virtual__in", List.of(false))))
        .isEqualTo(set("a3"));
    assertThat(arts(ln.artifacts().filter("created_at__gt", T0))).isEqualTo(set("a2", "a3", "a4"));
    assertThat(arts(ln.artifacts().filter("created_at", T0.plusHours(2))))
        .isEqualTo(set("a3", "a4"));
    assertThat(arts(ln.artifacts().filter("created_at__lte", "2025-01-01T13:00:00Z")))
        .isEqualTo(set("a1", "a2"));
    assertThat(
            arts(
                ln.artifacts()
                    .filter(
                        "created_at__range",
                        List.of(T0.plusMinutes(30), T0.plusHours(1).plusMinutes(30)))))
        .isEqualTo(set("a2"));
    assertThat(arts(ln.artifacts().filter("extra_data__isnull", false))).isEqualTo(set("a1"));
    assertThat(arts(ln.artifacts().filter("extra_data__contains", "\"tag\""))).isEqualTo(set("a1"));
    assertThat(arts(ln.artifacts().filter("extra_data__icontains", "TAG"))).isEqualTo(set("a1"));
    assertThat(arts(ln.artifacts().filter("version_tag__isnull", true)))
        .isEqualTo(set("a1", "a2", "a3", "a4"));
  }

  @Test
  void typedFields() {
    assertThat(arts(ln.artifacts().filter(Artifact.SIZE.gt(1_000_000L)))).isEqualTo(set("a3"));
    assertThat(
            arts(
                ln.artifacts()
                    .filter(Artifact.KEY.startsWith("raw/").and(Artifact.SIZE.lt(1000L)))))
        .isEqualTo(set("a1"));
    assertThat(
            arts(ln.artifacts().filter(Artifact.KEY.startsWith("raw/").or(Artifact.SIZE.isNull()))))
        .isEqualTo(set("a1", "a2", "a4"));
    assertThat(arts(ln.artifacts().filter(Artifact.KEY.startsWith("raw/").not())))
        .isEqualTo(set("a3", "a4"));
    assertThat(arts(ln.artifacts().filter(Artifact.SIZE.ne(100L))))
        .isEqualTo(set("a2", "a3", "a4"));
    assertThat(arts(ln.artifacts().filter(Artifact.CREATED_AT.between(T0, T0.plusHours(1)))))
        .isEqualTo(set("a1", "a2"));
  }

  @Test
  void excludeKeepsMissingValues() {
    assertThat(arts(ln.artifacts().exclude("size__gt", 1000L))).isEqualTo(set("a1", "a4"));
    assertThat(arts(ln.artifacts().exclude("key__startswith", "raw/"))).isEqualTo(set("a3", "a4"));
    assertThat(arts(ln.artifacts().exclude("ulabels__name", "alpha"))).isEqualTo(set("a3", "a4"));
    assertThat(arts(ln.artifacts().exclude("run__transform__key", "pipeline.py")))
        .isEqualTo(set("a3", "a4"));
    assertThat(arts(ln.artifacts().exclude(Map.of("key__startswith", "raw/", "size", 100L))))
        .isEqualTo(set("a2", "a3", "a4"));
  }

  // ------------------------------------------------------------ traversal

  @Test
  void forwardTraversal() {
    assertThat(arts(ln.artifacts().filter("run__name", "first run"))).isEqualTo(set("a1", "a2"));
    assertThat(arts(ln.artifacts().filter("run__transform__key", "script.py")))
        .isEqualTo(set("a3"));
    assertThat(arts(ln.artifacts().filter("transform__key", "pipeline.py")))
        .isEqualTo(set("a1", "a2"));
    String handle = ln.user().handle();
    assertThat(arts(ln.artifacts().filter("created_by__handle", handle)))
        .isEqualTo(set("a1", "a2", "a3", "a4"));
    assertThat(arts(ln.artifacts().filter("storage__root", ln.storage().root()))).hasSize(4);
    assertThat(arts(ln.artifacts().filter("run__isnull", true))).isEqualTo(set("a4"));
    assertThat(arts(ln.artifacts().filter("run__name__isnull", true))).isEqualTo(set("a4"));
    Run rA = ln.runs().get(fx.uids.get("rA"));
    assertThat(arts(ln.artifacts().filter("run", rA))).isEqualTo(set("a1", "a2"));
    assertThat(arts(ln.artifacts().filter("run_id", rA.id()))).isEqualTo(set("a1", "a2"));
    assertThat(arts(ln.artifacts().filter("run__in", List.of(rA)))).isEqualTo(set("a1", "a2"));
  }

  @Test
  void artifactTransformMeansRunTransform() {
    var tA = ln.transforms().get(fx.uids.get("tA"));
    assertThat(arts(ln.artifacts().filter("transform", tA))).isEqualTo(set("a1", "a2"));
    assertThat(arts(ln.artifacts().filter("transform__kind", "script"))).isEqualTo(set("a3"));
  }

  @Test
  void unknownLookupsOnFeatureHostsGoThroughTheFeatureHook() {
    org.lamindb.internal.query.FeatureFilterResolver previous =
        org.lamindb.internal.query.FeatureFilters.resolver();
    try {
      org.lamindb.internal.query.FeatureFilters.install(
          (inst, host, hostId, lookup, value) ->
              lookup.equals("gc_content__gt")
                  ? hostId.eq(org.jooq.impl.DSL.val((Object) fx.ids.get("a2")))
                  : null);
      assertThat(arts(ln.artifacts().filter("gc_content__gt", 0.5))).isEqualTo(set("a2"));
      assertThat(arts(ln.artifacts().exclude("gc_content__gt", 0.5)))
          .isEqualTo(set("a1", "a3", "a4"));
      assertThatThrownBy(() -> ln.artifacts().filter("gc_contnt", 1))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("no field 'gc_contnt' on Artifact");
      assertThatThrownBy(() -> ln.ulabels().filter("gc_content__gt", 0.5))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("no field 'gc_content' on ULabel");
    } finally {
      org.lamindb.internal.query.FeatureFilters.install(previous);
    }
  }

  @Test
  void reverseTraversal() {
    assertThat(names(ln.runs().filter("output_artifacts__key__startswith", "raw/").list()))
        .isEqualTo(set("rA"));
    assertThat(names(ln.transforms().filter("runs__output_artifacts__size__gt", 1000L).list()))
        .isEqualTo(set("tA", "tB"));
    assertThat(names(ln.transforms().filter("runs__name", "second run").list()))
        .isEqualTo(set("tB"));
    assertThat(names(ln.runs().filter("output_artifacts__isnull", true).list())).isEmpty();
    assertThat(ln.users().filter("created_artifacts__key", "raw/a.csv").count()).isEqualTo(1);
  }

  @Test
  void manyToManyTraversalNeverDuplicates() {
    assertThat(arts(ln.artifacts().filter("ulabels__name", "alpha"))).isEqualTo(set("a1", "a2"));
    assertThat(ln.artifacts().filter("ulabels__name__in", List.of("alpha", "beta")).count())
        .isEqualTo(2);
    assertThat(ln.artifacts().filter("ulabels__name__in", List.of("alpha", "beta")).list())
        .hasSize(2);
    assertThat(arts(ln.artifacts().filter("input_of_runs__transform__key", "script.py")))
        .isEqualTo(set("a1", "a2"));
    assertThat(arts(ln.artifacts().filter("ulabels__isnull", true))).isEqualTo(set("a3"));
    assertThat(arts(ln.artifacts().filter("ulabels__isnull", false)))
        .isEqualTo(set("a1", "a2", "a4"));
    ULabel beta = ln.ulabels().get("name", "beta");
    assertThat(arts(ln.artifacts().filter("ulabels", beta))).isEqualTo(set("a1"));
    ULabel alpha = ln.ulabels().get("name", "alpha");
    assertThat(arts(ln.artifacts().filter("ulabels", alpha).filter("ulabels", beta)))
        .isEqualTo(set("a1"));
    assertThat(arts(ln.artifacts().filter("ulabels__in", List.of(alpha, beta))))
        .isEqualTo(set("a1", "a2"));
    assertThat(names(ln.ulabels().filter("artifacts__key__startswith", "raw/").list()))
        .isEqualTo(set("L_alpha", "L_beta"));
    assertThat(names(ln.runs().filter("input_artifacts__ulabels__name", "beta").list()))
        .isEqualTo(set("rB"));
  }

  // ------------------------------------------------------------ default filters

  @Test
  void trashArchiveAndInternalArtifactsHiddenByDefault() {
    assertThat(arts(ln.artifacts())).isEqualTo(set("a1", "a2", "a3", "a4"));
    assertThat(ln.artifacts().count()).isEqualTo(4);
    assertThat(arts(ln.artifacts().filter("branch_id", -1L))).isEqualTo(set("a5"));
    assertThat(arts(ln.artifacts().filter("visibility", 0L))).isEqualTo(set("a7"));
    assertThat(arts(ln.artifacts().filter("branch__name", "trash"))).isEqualTo(set("a5"));
    assertThat(arts(ln.artifacts().filter("branch", null)))
        .isEqualTo(set("a1", "a2", "a3", "a4", "a5", "a7"));
    assertThat(arts(ln.artifacts().filter("kind", "__lamindb_run__"))).isEqualTo(set("a6"));
    assertThat(arts(ln.artifacts().filter("kind__isnull", false)))
        .isEqualTo(set("a1", "a2", "a3", "a6"));
    assertThat(arts(ln.artifacts().filter("uid", fx.uids.get("a5")))).isEqualTo(set("a5"));
    assertThat(arts(ln.artifacts().filter("id__in", List.of(fx.ids.get("a5"), fx.ids.get("a1")))))
        .isEqualTo(set("a1", "a5"));
    assertThat(arts(ln.artifacts().filter("key__startswith", "raw/"))).isEqualTo(set("a1", "a2"));
    assertThat(ln.artifacts().get(fx.uids.get("a5")).key()).isEqualTo("raw/d.csv");
  }

  // ------------------------------------------------------------ ordering, paging, terminals

  @Test
  void orderingWithTiesBreaksById() {
    List<String> order =
        ln.artifacts().orderBy("-created_at").list().stream()
            .map(a -> names(List.of(a)).iterator().next())
            .toList();
    // a3 and a4 share created_at (T0+2h): ascending id breaks the tie
    assertThat(order).containsExactly("a3", "a4", "a2", "a1");
    List<String> bySize =
        ln.artifacts().orderBy("size").list().stream()
            .map(a -> names(List.of(a)).iterator().next())
            .toList();
    assertThat(bySize).containsExactly("a4", "a1", "a2", "a3"); // missing first when ascending
    List<String> bySizeDesc =
        ln.artifacts().orderBy(Artifact.SIZE.desc()).list().stream()
            .map(a -> names(List.of(a)).iterator().next())
            .toList();
    assertThat(bySizeDesc).containsExactly("a3", "a2", "a1", "a4");
    List<String> page =
        ln.artifacts().orderBy("-created_at").offset(1).limit(2).list().stream()
            .map(a -> names(List.of(a)).iterator().next())
            .toList();
    assertThat(page).containsExactly("a4", "a2");
    assertThat(ln.artifacts().orderBy("-created_at").offset(1).limit(2).count()).isEqualTo(2);
  }

  @Test
  void terminals() {
    assertThat(ln.artifacts().filter("key", "raw/a.csv").one().key()).isEqualTo("raw/a.csv");
    assertThatThrownBy(() -> ln.artifacts().filter("key", "nope").one())
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> ln.artifacts().filter("key__startswith", "raw/").one())
        .isInstanceOf(MultipleResultsException.class);
    assertThat(ln.artifacts().filter("key", "nope").first()).isEmpty();
    assertThat(names(List.of(ln.artifacts().first().orElseThrow()))).isEqualTo(set("a1"));
    assertThat(ln.artifacts().filter("size__gt", 10L).exists()).isTrue();
    assertThat(ln.artifacts().filter("size__gt", 10_000_000L).exists()).isFalse();
    assertThat(ln.artifacts().get("key", "raw/a.csv").size()).isEqualTo(100L);
    assertThat(ln.artifacts().get(fx.ids.get("a2")).key()).isEqualTo("raw/b.parquet");
    assertThatThrownBy(() -> ln.artifacts().get("key", "nope"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> ln.ulabels().get("alpha"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("get(\"name\", \"alpha\")");
    assertThat(ln.artifacts().get(fx.uids.get("a1").substring(0, 16)).key()).isEqualTo("raw/a.csv");
  }

  @Test
  void valuesAndDistinct() {
    List<Map<String, Object>> v =
        ln.artifacts().filter("key__startswith", "raw/").values("key", "size");
    assertThat(v)
        .containsExactly(
            Map.of("key", "raw/a.csv", "size", 100L),
            Map.of("key", "raw/b.parquet", "size", 2000L));
    List<Map<String, Object>> runs =
        ln.artifacts().filter("run__isnull", false).distinct().values("run__name");
    assertThat(runs.stream().map(m -> m.get("run__name")).collect(Collectors.toSet()))
        .isEqualTo(Set.of("first run", "second run"));
    assertThat(runs).hasSize(2);
    List<Map<String, Object>> labels =
        ln.artifacts().filter("key", "raw/a.csv").values("ulabels__name");
    assertThat(labels.get(0).get("ulabels__name"))
        .isEqualTo(new TreeSet<>(Set.of("alpha", "beta")));
  }

  // ------------------------------------------------------------ validation and hostile input

  @Test
  void unknownFieldsNameNearestValidOnes() {
    assertThatThrownBy(() -> ln.artifacts().filter("sise", 1L))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no field 'sise' on Artifact; did you mean 'size'");
    assertThatThrownBy(() -> ln.artifacts().filter("ulabels__nme", "x"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no field 'nme' on ULabel")
        .hasMessageContaining("'name'");
    assertThatThrownBy(() -> ln.artifacts().filter("size__gtt", 1L))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("did you mean 'gt'");
    assertThatThrownBy(() -> ln.artifacts().orderBy("-sizee"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'size'");
    assertThatThrownBy(() -> ln.artifacts().filter("key__startswith__x", "a"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ln.artifacts().filter("key; DROP TABLE lamindb_artifact; --", "a"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ln.artifacts().toDataFrame(Include.fields("ulabels__nam")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'name'");
  }

  @Test
  void wrongTypedValuesFailClearly() {
    assertThatThrownBy(() -> ln.artifacts().filter("size__gt", "big"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("size__gt")
        .hasMessageContaining("integer")
        .hasMessageContaining("'big'");
    assertThatThrownBy(() -> ln.artifacts().filter("key", 5L))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("string");
    assertThatThrownBy(() -> ln.artifacts().filter("_key_is_virtual", "yes"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> ln.artifacts().filter("created_at__gt", "yesterday"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("timestamp");
    assertThatThrownBy(() -> ln.artifacts().filter("size__contains", "1"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("text fields");
    assertThatThrownBy(() -> ln.artifacts().filter("size__in", 5L))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("collection");
    assertThatThrownBy(() -> ln.artifacts().filter("size__range", List.of(1L)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("two");
    assertThatThrownBy(() -> ln.artifacts().filter("ulabels", "alpha"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("ulabels__name");
    assertThatThrownBy(() -> ln.artifacts().filter("key__regex", "(unclosed"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("regular expression");
    assertThatThrownBy(() -> ln.artifacts().filter("key__isnull", "yes"))
        .isInstanceOf(InvalidArgumentException.class);
    ULabel alpha = ln.ulabels().get("name", "alpha");
    assertThatThrownBy(() -> ln.artifacts().filter("run", alpha))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("needs a Run");
    assertThatThrownBy(() -> ln.runs().filter("status", "done"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("completed");
  }

  @Test
  void textValuesAsOnACommandLine() {
    assertThat(arts(ln.artifacts().filterText("size__gt", "1000"))).isEqualTo(set("a2", "a3"));
    assertThat(arts(ln.artifacts().filterText("key__in", "raw/a.csv,processed/c.h5ad")))
        .isEqualTo(set("a1", "a3"));
    assertThat(arts(ln.artifacts().filterText("size__range", "100, 2000")))
        .isEqualTo(set("a1", "a2"));
    assertThat(arts(ln.artifacts().filterText("created_at__gte", "2025-01-01T13:00:00Z")))
        .isEqualTo(set("a2", "a3", "a4"));
    assertThat(arts(ln.artifacts().filterText("key", "null"))).isEqualTo(set("a4"));
    assertThat(arts(ln.artifacts().filterText("_key_is_virtual", "false"))).isEqualTo(set("a3"));
    assertThat(arts(ln.artifacts().filterText("run__isnull", "true"))).isEqualTo(set("a4"));
    assertThat(arts(ln.artifacts().filterText("ulabels__name", "beta"))).isEqualTo(set("a1"));
    assertThat(names(ln.runs().filterText("status", "completed").list())).isEqualTo(set("rA"));
    assertThatThrownBy(() -> ln.artifacts().filterText("size__gt", "big"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'big'");
    assertThatThrownBy(() -> ln.artifacts().filterText("_key_is_virtual", "yes"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("true or false");
  }

  @Test
  void statusAndVersionRewrites() {
    assertThat(names(ln.runs().filter("status", "completed").list())).isEqualTo(set("rA"));
    assertThat(names(ln.runs().filter("status__in", List.of("scheduled", "completed")).list()))
        .isEqualTo(set("rA", "rB"));
    assertThat(arts(ln.artifacts().filter("version", null))).isEqualTo(set("a1", "a2", "a3", "a4"));
  }

  @Test
  void hostileValuesAreJustValues() {
    List<String> hostile =
        List.of(
            "'; DROP TABLE lamindb_artifact; --",
            "\" OR 1=1 --",
            "/* x */",
            "a'b",
            "%",
            "_",
            "100%",
            "ünïcödé ✓ 𝔘",
            "x\u0000y",
            "\\",
            "raw/%",
            "raw/_.csv");
    for (String h : hostile) {
      assertThat(ln.artifacts().filter("key", h).count()).as(h).isZero();
      assertThat(ln.artifacts().filter("key__contains", h).count()).as(h).isZero();
      assertThat(ln.artifacts().filter("key__startswith", h).count()).as(h).isZero();
      assertThat(ln.artifacts().filter("key__icontains", h).count()).as(h).isZero();
      assertThat(ln.artifacts().filter("description__endswith", h).count()).as(h).isZero();
      assertThat(ln.artifacts().exclude("key__contains", h).count()).as(h).isEqualTo(4);
    }
    assertThat(ln.artifacts().count()).isEqualTo(4);
    assertThat(arts(ln.artifacts().filter("description__contains", "100%_sure")))
        .isEqualTo(set("a4"));
    assertThat(arts(ln.artifacts().filter("description__contains", "%_"))).isEqualTo(set("a4"));
    assertThat(arts(ln.artifacts().filter("description__icontains", "%_SURE")))
        .isEqualTo(set("a4"));
    assertThat(arts(ln.artifacts().filter("description__startswith", "100%"))).isEqualTo(set("a4"));
    assertThat(arts(ln.artifacts().filter("description__istartswith", "100_"))).isEmpty();
  }

  // ------------------------------------------------------------ DataFrames

  @Test
  void dataFrameColumnsFollowLaminDb() {
    tech.tablesaw.api.Table t = ln.artifacts().toDataFrame();
    assertThat(t.rowCount()).isEqualTo(4);
    assertThat(t.columnNames())
        .containsExactly(
            "uid",
            "id",
            "key",
            "description",
            "suffix",
            "kind",
            "otype",
            "size",
            "hash",
            "n_files",
            "n_observations",
            "extra_data",
            "version_tag",
            "is_latest",
            "is_locked",
            "created_at",
            "branch_id",
            "created_on_id",
            "space_id",
            "created_by_id",
            "run_id",
            "storage_id",
            "schema_id");
    assertThat(t.column("size").type()).isEqualTo(tech.tablesaw.api.ColumnType.LONG);
    assertThat(t.column("key").type()).isEqualTo(tech.tablesaw.api.ColumnType.STRING);
    assertThat(t.column("is_latest").type()).isEqualTo(tech.tablesaw.api.ColumnType.BOOLEAN);
    assertThat(t.column("created_at").type())
        .isEqualTo(tech.tablesaw.api.ColumnType.LOCAL_DATE_TIME);
    // default order: -id (newest first)
    assertThat(t.longColumn("id").asList())
        .containsExactly(fx.ids.get("a4"), fx.ids.get("a3"), fx.ids.get("a2"), fx.ids.get("a1"));
    assertThat(t.longColumn("size").isMissing().size()).isEqualTo(1);
  }

  @Test
  void dataFrameIncludes() {
    tech.tablesaw.api.Table t =
        ln.artifacts()
            .orderBy("id")
            .toDataFrame(
                Include.fields("created_by__handle", "run__transform__key", "ulabels__name"));
    java.util.List<String> expected =
        new java.util.ArrayList<>(ln.artifacts().limit(1).toDataFrame().columnNames());
    expected.addAll(
        java.util.List.of("created_by__handle", "run__transform__key", "ulabels__name"));
    assertThat(t.columnNames()).containsExactlyElementsOf(expected); // fields add to defaults
    assertThat(t.stringColumn("run__transform__key").asList())
        .containsExactly("pipeline.py", "pipeline.py", "script.py", "");
    assertThat(t.stringColumn("run__transform__key").isMissing().size()).isEqualTo(1);
    assertThat(t.stringColumn("ulabels__name").asList())
        .containsExactly("alpha, beta", "alpha", "", "gamma");
    assertThat(t.stringColumn("created_by__handle").asList()).containsOnly(ln.user().handle());
    tech.tablesaw.api.Table page =
        ln.artifacts()
            .orderBy("id")
            .limit(2)
            .toDataFrame(Include.fields("ulabels__name", "storage__root"));
    assertThat(page.rowCount()).isEqualTo(2);
    assertThat(page.stringColumn("ulabels__name").asList()).containsExactly("alpha, beta", "alpha");
    assertThat(page.stringColumn("storage__root").asList()).containsOnly(ln.storage().root());
  }
}
