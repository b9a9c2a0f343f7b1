package org.lamindb.query;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.CoreRegistries;
import org.lamindb.query.support.BulkLoader;
import org.lamindb.spi.RegistryDef;

/** Shared rows for the query suites, with the facts the tests assert written out by hand. */
final class QueryFixture {
  static final OffsetDateTime T0 = OffsetDateTime.of(2025, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  final Map<String, Long> ids = new HashMap<>();
  final Map<String, String> uids = new HashMap<>();

  /** Inserts one row and remembers it under {@code name}. */
  long add(LaminDB ln, RegistryDef r, String name, Map<String, Object> values) {
    String uid = BulkLoader.insert(ln, r, List.of(new HashMap<>(values))).get(0);
    long id = BulkLoader.ids(ln, r, List.of(uid)).get(uid);
    ids.put(name, id);
    uids.put(name, uid);
    return id;
  }

  static Map<String, Object> m(Object... kv) {
    Map<String, Object> out = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], kv[i + 1]);
    }
    return out;
  }

  /**
   * Core rows: transforms tA (pipeline.py), tB (script.py); runs rA (of tA, name "first run"), rB
   * (of tB); labels L_alpha, L_beta, L_gamma; artifacts a1..a6 (see {@link #create}).
   */
  static QueryFixture create(LaminDB ln) {
    QueryFixture f = new QueryFixture();
    f.add(ln, CoreRegistries.TRANSFORM, "tA", m("key", "pipeline.py", "kind", "pipeline"));
    f.add(ln, CoreRegistries.TRANSFORM, "tB", m("key", "script.py", "kind", "script"));
    f.add(
        ln,
        CoreRegistries.RUN,
        "rA",
        m(
            "transform_id",
            f.ids.get("tA"),
            "name",
            "first run",
            "started_at",
            T0,
            "_status_code",
            0L));
    f.add(
        ln,
        CoreRegistries.RUN,
        "rB",
        m(
            "transform_id",
            f.ids.get("tB"),
            "name",
            "second run",
            "started_at",
            T0,
            "_status_code",
            -3L));
    for (String l : List.of("alpha", "beta", "gamma")) {
      f.add(ln, CoreRegistries.ULABEL, "L_" + l, m("name", l));
    }
    // a1: raw/a.csv, 100 B, run rA, labels alpha+beta, created T0
    f.add(
        ln,
        CoreRegistries.ARTIFACT,
        "a1",
        m(
            "key",
            "raw/a.csv",
            "suffix",
            ".csv",
            "size",
            100L,
            "run_id",
            f.ids.get("rA"),
            "created_at",
            T0,
            "description",
            "first table",
            "kind",
            "dataset",
            "extra_data",
            Map.of("n", 1, "tag", "x")));
    // a2: raw/b.parquet, 2000 B, run rA, label alpha, created T0+1h
    f.add(
        ln,
        CoreRegistries.ARTIFACT,
        "a2",
        m(
            "key",
            "raw/b.parquet",
            "suffix",
            ".parquet",
            "size",
            2000L,
            "run_id",
            f.ids.get("rA"),
            "created_at",
            T0.plusHours(1),
            "kind",
            "dataset"));
    // a3: processed/c.h5ad, 3_000_000 B, run rB, no labels, created T0+2h, _key_is_virtual false
    f.add(
        ln,
        CoreRegistries.ARTIFACT,
        "a3",
        m(
            "key",
            "processed/c.h5ad",
            "suffix",
            ".h5ad",
            "size",
            3_000_000L,
            "run_id",
            f.ids.get("rB"),
            "created_at",
            T0.plusHours(2),
            "_key_is_virtual",
            false,
            "kind",
            "model"));
    // a4: no key, no size, no run, label gamma, created T0+2h (tie with a3)
    f.add(
        ln,
        CoreRegistries.ARTIFACT,
        "a4",
        m("created_at", T0.plusHours(2), "description", "100%_sure"));
    // a5: trashed raw/d.csv
    f.add(
        ln,
        CoreRegistries.ARTIFACT,
        "a5",
        m("key", "raw/d.csv", "size", 5L, "branch_id", -1L, "created_at", T0.plusHours(3)));
    // a6: LaminDB-internal run report
    f.add(
        ln,
        CoreRegistries.ARTIFACT,
        "a6",
        m(
            "key",
            "__run__/report.html",
            "size",
            7L,
            "kind",
            "__lamindb_run__",
            "created_at",
            T0.plusHours(4)));
    // a7: archived
    f.add(
        ln,
        CoreRegistries.ARTIFACT,
        "a7",
        m("key", "raw/e.csv", "size", 9L, "branch_id", 0L, "created_at", T0.plusHours(5)));
    List<long[]> ul = new ArrayList<>();
    ul.add(new long[] {f.ids.get("a1"), f.ids.get("L_alpha")});
    ul.add(new long[] {f.ids.get("a1"), f.ids.get("L_beta")});
    ul.add(new long[] {f.ids.get("a2"), f.ids.get("L_alpha")});
    ul.add(new long[] {f.ids.get("a4"), f.ids.get("L_gamma")});
    BulkLoader.link(ln, CoreRegistries.ARTIFACT, "ulabels", ul);
    // a1 and a2 were inputs of run rB
    BulkLoader.link(
        ln,
        CoreRegistries.ARTIFACT,
        "input_of_runs",
        List.of(
            new long[] {f.ids.get("a1"), f.ids.get("rB")},
            new long[] {f.ids.get("a2"), f.ids.get("rB")}));
    return f;
  }
}
