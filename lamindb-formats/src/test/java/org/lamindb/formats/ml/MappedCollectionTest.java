package org.lamindb.formats.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lamindb.InvalidArgumentException;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.formats.anndata.SparseMatrix;
import org.lamindb.ml.Batch;
import org.lamindb.ml.BatchOptions;
import org.lamindb.ml.FloatMatrix;
import org.lamindb.ml.Join;
import org.lamindb.ml.MappedCollection;
import org.lamindb.ml.MappedOptions;
import org.lamindb.ml.MappedSource;
import org.lamindb.ml.Sample;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * MappedCollection and batches over small AnnData files whose values encode where they came from:
 * file f, row r, variable named g<k> holds {@code 1000 f + 10 r + k} (stored only for some k), so
 * every check compares against that rule, not against the loader's own output.
 */
class MappedCollectionTest {
  static Path dir;
  static List<MappedSource> sources = new ArrayList<>();
  static final int[] ROWS = {37, 1, 50};
  static final String[][] VARS = {
    {"g0", "g1", "g2", "g3"}, {"g1", "g2", "g3", "g4"}, {"g3", "g1", "g2", "g5"}
  };
  static final String[] TYPES = {"T", "B", "NK", "mono"};

  static float value(int f, int r, String var) {
    return 1000 * f + 10 * r + Integer.parseInt(var.substring(1));
  }

  /** Whether file f stores variable position j of row r (a sparse pattern). */
  static boolean stored(int r, int j) {
    return (r + j) % 3 != 0;
  }

  static String cellType(int f, int r) {
    return f == 1 ? null : TYPES[(r * (f + 1)) % (f == 2 ? 2 : 4)];
  }

  /** Writes the fixture files once per JVM (into a temporary folder removed at exit). */
  @BeforeAll
  static synchronized void write() {
    if (dir != null) {
      return;
    }
    try {
      dir = Files.createTempDirectory("mapped-fixture");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Path root = dir;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (var walk = Files.walk(root)) {
                    walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
                  } catch (java.io.IOException ignored) {
                    // best effort: a temporary folder
                  }
                }));
    for (int f = 0; f < ROWS.length; f++) {
      int rows = ROWS[f];
      String[] vars = VARS[f];
      List<Float> data = new ArrayList<>();
      List<Integer> idx = new ArrayList<>();
      long[] ptr = new long[rows + 1];
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < vars.length; j++) {
          if (stored(r, j)) {
            data.add(value(f, r, vars[j]));
            idx.add(j);
          }
        }
        ptr[r + 1] = data.size();
      }
      float[] d = new float[data.size()];
      int[] ix = new int[idx.size()];
      for (int k = 0; k < d.length; k++) {
        d[k] = data.get(k);
        ix[k] = idx.get(k);
      }
      SparseMatrix x =
          new SparseMatrix(SparseMatrix.Format.CSR, d, DType.FLOAT32, ix, ptr, rows, vars.length);
      StringColumn index = StringColumn.create("_index");
      StringColumn ct = StringColumn.create("cell_type");
      StringColumn tissue = StringColumn.create("tissue");
      for (int r = 0; r < rows; r++) {
        index.append("f" + f + "c" + r);
        String t = cellType(f, r);
        if (t == null) {
          ct.appendMissing();
        } else {
          ct.append(t);
        }
        tissue.append(r % 2 == 0 ? "lung" : "blood");
      }
      Table obs = Table.create("obs", index, ct, tissue);
      Table var = Table.create("var", StringColumn.create("_index", vars));
      AnnData a = new AnnData(x, obs, var);
      a.obsm().put("X_umap", new DenseMatrix(umap(f, rows), DType.FLOAT32, rows, 2));
      Path p = dir.resolve("f" + f + (f == 1 ? ".zarr" : ".h5ad"));
      if (f == 1) {
        a.writeZarr(p, 2);
      } else {
        a.writeH5ad(p);
      }
      sources.add(new MappedSource("uid" + f + "xxxxxxxxxxxxxxxx", p));
    }
  }

  static float[] umap(int f, int rows) {
    float[] u = new float[rows * 2];
    for (int r = 0; r < rows; r++) {
      u[2 * r] = f;
      u[2 * r + 1] = r;
    }
    return u;
  }

  static MappedCollection open(MappedOptions.Builder b) {
    return MappedCollection.open(sources, b.obsKeys("cell_type").build());
  }

  @Test
  void innerJoinKeepsCommonVariablesInFirstFileOrder() {
    try (MappedCollection mc = open(MappedOptions.builder())) {
      assertThat(mc.varIndex()).containsExactly("g1", "g2", "g3");
      assertThat(mc.size()).isEqualTo(37 + 1 + 50);
      assertThat(mc.shape()).containsExactly(88, 3);
      assertThat(mc.originalShapes())
          .extracting(s -> s[0] + "x" + s[1])
          .containsExactly("37x4", "1x4", "50x4");
      checkEveryRow(mc);
    }
  }

  @Test
  void outerJoinAddsNewVariablesAsTheyAppear() {
    try (MappedCollection mc = open(MappedOptions.builder().join(Join.OUTER))) {
      assertThat(mc.varIndex()).containsExactly("g0", "g1", "g2", "g3", "g4", "g5");
      checkEveryRow(mc);
    }
  }

  /** Every row of get(i) equals the rule; absent or unstored variables are 0. */
  static void checkEveryRow(MappedCollection mc) {
    List<String> vars = mc.varIndex();
    long i = 0;
    for (int f = 0; f < ROWS.length; f++) {
      for (int r = 0; r < ROWS[f]; r++, i++) {
        Sample s = mc.get(i);
        assertThat(s.rowId()).isEqualTo(sources.get(f).artifactUid() + ":" + r);
        float[] row = s.x().denseRow(0);
        for (int c = 0; c < vars.size(); c++) {
          int j = List.of(VARS[f]).indexOf(vars.get(c));
          float expect = j >= 0 && stored(r, j) ? value(f, r, vars.get(c)) : 0f;
          assertThat(row[c])
              .as("row %d (file %d, row %d) var %s", i, f, r, vars.get(c))
              .isEqualTo(expect);
        }
        assertThat(s.obs("cell_type")).isEqualTo(cellType(f, r));
      }
    }
  }

  @Test
  void labelCodesAreSortedValuesAndStableAcrossFiles() {
    try (MappedCollection mc = open(MappedOptions.builder())) {
      assertThat(mc.labels("cell_type")).containsExactly("B", "NK", "T", "mono");
      int[] codes = mc.codes("cell_type");
      long i = 0;
      for (int f = 0; f < ROWS.length; f++) {
        for (int r = 0; r < ROWS[f]; r++, i++) {
          String t = cellType(f, r);
          assertThat(codes[(int) i])
              .isEqualTo(t == null ? -1 : List.of("B", "NK", "T", "mono").indexOf(t));
        }
      }
    }
  }

  @Test
  void obsFilterKeepsOnlyAllowedRows() {
    try (MappedCollection mc = open(MappedOptions.builder().obsFilter("tissue", "lung"))) {
      assertThat(mc.size()).isEqualTo(19 + 1 + 25);
      for (long i = 0; i < mc.size(); i++) {
        String id = mc.get(i).rowId();
        int r = Integer.parseInt(id.substring(id.indexOf(':') + 1));
        assertThat(r % 2).as(id).isZero();
      }
    }
  }

  @Test
  void obsmRowsAndUnknownKeys() {
    try (MappedCollection mc =
        MappedCollection.open(sources, MappedOptions.builder().obsmKeys("X_umap").build())) {
      assertThat(mc.get(37 + 1 + 7).obsm("X_umap")).containsExactly(2f, 7f);
      assertThatThrownBy(() -> mc.get(0).obsm("X_pca"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("X_pca");
      assertThatThrownBy(() -> mc.get(88))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("88");
    }
    assertThatThrownBy(
            () -> MappedCollection.open(sources, MappedOptions.builder().obsKeys("donor").build()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("donor")
        .hasMessageContaining("cell_type");
  }

  @Test
  void joinNoneNeedsEqualVariableCounts() {
    Path one = sources.get(0).path();
    List<MappedSource> same = List.of(new MappedSource("a", one), new MappedSource("b", one));
    try (MappedCollection mc =
        MappedCollection.open(same, MappedOptions.builder().join(Join.NONE).build())) {
      assertThat(mc.varIndex()).containsExactly("g0", "g1", "g2", "g3");
      assertThat(mc.get(37).rowId()).isEqualTo("b:0");
    }
  }

  static BatchOptions.Builder batches() {
    return BatchOptions.builder().batchSize(10).chunkSize(4).preloadChunks(3);
  }

  static List<String> ids(MappedCollection mc, BatchOptions o) {
    List<String> out = new ArrayList<>();
    for (Batch b : mc.batches(o)) {
      assertThat(b.size()).isLessThanOrEqualTo(o.batchSize());
      checkBatch(mc, b);
      out.addAll(b.rowIds());
    }
    return out;
  }

  /**
   * Batch values and codes agree with get() of the same row (which the tests above pin to the
   * rule).
   */
  static void checkBatch(MappedCollection mc, Batch b) {
    Map<String, Long> byId = new HashMap<>();
    for (long i = 0; i < mc.size(); i++) {
      byId.put(mc.get(i).rowId(), i);
    }
    FloatMatrix x = b.x();
    assertThat(x.sparse()).isTrue();
    for (int k = 0; k < b.size(); k++) {
      Sample s = mc.get(byId.get(b.rowIds().get(k)));
      assertThat(x.denseRow(k)).containsExactly(s.x().denseRow(0));
      assertThat(b.obs("cell_type")[k]).isEqualTo(s.code("cell_type"));
    }
  }

  @Test
  void everyRowOnceWithoutShuffleInOrder() {
    try (MappedCollection mc = open(MappedOptions.builder())) {
      List<String> ids = ids(mc, batches().prefetch(0).build());
      List<String> expect = new ArrayList<>();
      for (long i = 0; i < mc.size(); i++) {
        expect.add(mc.get(i).rowId());
      }
      assertThat(ids).isEqualTo(expect);
    }
  }

  @Test
  void shuffleIsDeterministicAndExactlyOncePerEpoch() {
    try (MappedCollection mc = open(MappedOptions.builder())) {
      List<String> a = ids(mc, batches().shuffle(7).build());
      List<String> b = ids(mc, batches().shuffle(7).prefetch(2).build());
      List<String> c = ids(mc, batches().shuffle(8).build());
      List<String> e1 = ids(mc, batches().shuffle(7).epoch(1).build());
      assertThat(a).hasSize(88).doesNotHaveDuplicates();
      assertThat(a).isEqualTo(b);
      assertThat(c).containsExactlyInAnyOrderElementsOf(a).isNotEqualTo(a);
      assertThat(e1).containsExactlyInAnyOrderElementsOf(a).isNotEqualTo(a);
    }
  }

  @Test
  void dropLastDropsTheSmallerBatch() {
    try (MappedCollection mc = open(MappedOptions.builder())) {
      List<Integer> sizes = new ArrayList<>();
      mc.batches(batches().dropLast(true).build()).forEach(b -> sizes.add(b.size()));
      assertThat(sizes).hasSize(8).allMatch(s -> s == 10);
    }
  }

  @Test
  void shardsAreDisjointAndCoverTheSet() {
    try (MappedCollection mc = open(MappedOptions.builder())) {
      Set<String> all = new HashSet<>();
      int total = 0;
      for (int rank = 0; rank < 3; rank++) {
        List<String> mine = ids(mc, batches().shuffle(3).shard(rank, 3).build());
        assertThat(mine).isNotEmpty().doesNotHaveDuplicates();
        total += mine.size();
        all.addAll(mine);
      }
      assertThat(total).isEqualTo(88);
      assertThat(all).hasSize(88);
    }
  }

  @Test
  void weightedSamplingBalancesLabels() {
    try (MappedCollection mc = open(MappedOptions.builder())) {
      BatchOptions o =
          BatchOptions.builder()
              .batchSize(500)
              .chunkSize(4)
              .preloadChunks(8)
              .weights("cell_type")
              .samplesPerEpoch(20_000)
              .shuffle(11)
              .build();
      int[] count = new int[6];
      int n = 0;
      for (Batch b : mc.batches(o)) {
        for (int c : b.obs("cell_type")) {
          count[c + 1]++;
          n++;
        }
      }
      assertThat(n).isEqualTo(20_000);
      // 5 groups (B, NK, T, mono and the unknown label -1) each drawn about 1/5 of the time,
      // although their row counts differ (unknown: 1 row)
      for (int g = 0; g < 5; g++) {
        assertThat(count[g] / (double) n).as("group %d", g - 1).isBetween(0.17, 0.23);
      }
    }
  }

  @Test
  void explicitWeightsOfZeroAreNeverDrawn() {
    try (MappedCollection mc = open(MappedOptions.builder())) {
      double[] w = new double[88];
      w[5] = 1;
      w[60] = 3;
      BatchOptions o =
          BatchOptions.builder().batchSize(100).weights(w).samplesPerEpoch(4000).shuffle(1).build();
      Map<String, Integer> seen = new HashMap<>();
      for (Batch b : mc.batches(o)) {
        b.rowIds().forEach(id -> seen.merge(id, 1, Integer::sum));
      }
      String r5 = mc.get(5).rowId();
      String r60 = mc.get(60).rowId();
      assertThat(seen.keySet()).containsExactlyInAnyOrder(r5, r60);
      assertThat(seen.get(r60) / 4000.0).isBetween(0.72, 0.78);
    }
  }

  @Test
  void badOptionsAreRefusedWithTheValue() {
    assertThatThrownBy(() -> BatchOptions.builder().batchSize(0))
        .hasMessageContaining("batchSize")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> BatchOptions.builder().rank(3).worldSize(2).build())
        .hasMessageContaining("rank");
    assertThatThrownBy(() -> BatchOptions.builder().weights(new double[] {1, -1}))
        .hasMessageContaining("weights[1]");
    try (MappedCollection mc = open(MappedOptions.builder())) {
      assertThatThrownBy(() -> mc.batches(BatchOptions.builder().weights(new double[3]).build()))
          .hasMessageContaining("88");
    }
  }

  /** anndataR's example stores the same counts as CSR (layer counts), CSC and dense. */
  @Test
  void cscDenseAndCsrLayersGiveTheSameRows() {
    Path p = sharedH5ad("anndataR_example.h5ad");
    List<MappedSource> one = List.of(new MappedSource("anndataR", p));
    List<List<String>> results = new ArrayList<>();
    for (String layer : List.of("counts", "csc_counts", "dense_counts")) {
      try (MappedCollection mc =
          MappedCollection.open(
              one, MappedOptions.builder().layer(layer).obsKeys("leiden").build())) {
        assertThat(mc.shape()).containsExactly(50, 100);
        List<String> rows = new ArrayList<>();
        for (long i = 0; i < mc.size(); i++) {
          rows.add(java.util.Arrays.toString(mc.get(i).x().denseRow(0)));
        }
        for (Batch b :
            mc.batches(BatchOptions.builder().batchSize(16).chunkSize(5).shuffle(2).build())) {
          for (int k = 0; k < b.size(); k++) {
            int r = Integer.parseInt(b.rowIds().get(k).split(":")[1]);
            assertThat(java.util.Arrays.toString(b.x().denseRow(k))).isEqualTo(rows.get(r));
          }
        }
        results.add(rows);
      }
    }
    assertThat(results.get(0)).anyMatch(s -> !s.matches("\\[(0\\.0, )*0\\.0\\]"));
    assertThat(results.get(1)).isEqualTo(results.get(0));
    assertThat(results.get(2)).isEqualTo(results.get(0));
  }

  static Path sharedH5ad(String name) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path c = d.resolve("../shared/data/formats/h5ad").resolve(name).normalize();
      if (Files.exists(c)) {
        return c;
      }
    }
    assumeTrue(false, "shared test data not found (../shared/data/formats/h5ad/" + name + ")");
    return null;
  }
}
