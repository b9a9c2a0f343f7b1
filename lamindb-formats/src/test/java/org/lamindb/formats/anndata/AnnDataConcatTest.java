package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lamindb.formats.AnnData;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * FormatProvider.concat for AnnData ({@code anndata.concat(axis=0, join=..., label=...)}): inner
 * and outer join on var, sparse and dense X, obs columns joined, the label column, real files.
 */
class AnnDataConcatTest {
  private final AnnDataFormatProvider provider = new AnnDataFormatProvider();

  /** 3 cells x g1,g2,g3 (CSR) with obs cell_type and n. */
  static AnnData a(boolean dense) {
    double[][] v = {{1, 0, 3}, {0, 5, 0}, {7, 8, 9}};
    Matrix x = dense ? DenseMatrix.of(v) : csr(v);
    Table obs =
        Table.create(
            "obs",
            StringColumn.create("index", "a1", "a2", "a3"),
            StringColumn.create("cell_type", "T", "B", "T"),
            DoubleColumn.create("n", 1.0, 2.0, 3.0));
    return new AnnData(x, obs, Table.create("var", StringColumn.create("index", "g1", "g2", "g3")));
  }

  /** 2 cells x g2,g3,g4 with obs cell_type. */
  static AnnData b(boolean dense) {
    double[][] v = {{20, 30, 40}, {0, 0, 41}};
    Matrix x = dense ? DenseMatrix.of(v) : csr(v);
    Table obs =
        Table.create(
            "obs",
            StringColumn.create("index", "b1", "b2"),
            StringColumn.create("cell_type", "NK", "T"));
    return new AnnData(x, obs, Table.create("var", StringColumn.create("index", "g2", "g3", "g4")));
  }

  static SparseMatrix csr(double[][] v) {
    List<Double> data = new java.util.ArrayList<>();
    List<Integer> idx = new java.util.ArrayList<>();
    long[] ptr = new long[v.length + 1];
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v[i].length; j++) {
        if (v[i][j] != 0) {
          data.add(v[i][j]);
          idx.add(j);
        }
      }
      ptr[i + 1] = data.size();
    }
    return new SparseMatrix(
        SparseMatrix.Format.CSR,
        data.stream().mapToDouble(Double::doubleValue).toArray(),
        DType.FLOAT64,
        idx.stream().mapToInt(Integer::intValue).toArray(),
        ptr,
        v.length,
        v[0].length);
  }

  private AnnData concat(List<AnnData> parts, boolean outer) {
    Optional<Object> r =
        provider.concat(List.copyOf(parts), List.of("uidA", "uidB"), "artifact_uid", outer);
    assertThat(r).isPresent();
    return (AnnData) r.get();
  }

  @Test
  void innerJoinKeepsTheSharedVariablesAndObsColumns() {
    for (boolean dense : new boolean[] {false, true}) {
      AnnData c = concat(List.of(a(dense), b(dense)), false);
      assertThat(c.varNames()).containsExactly("g2", "g3");
      assertThat(c.obsNames()).containsExactly("a1", "a2", "a3", "b1", "b2");
      assertThat(c.obs().columnNames()).containsExactly("index", "cell_type", "artifact_uid");
      assertThat(c.obs().stringColumn("artifact_uid").asList())
          .containsExactly("uidA", "uidA", "uidA", "uidB", "uidB");
      assertThat(c.x().toArray())
          .isEqualTo(new double[][] {{0, 3}, {5, 0}, {8, 9}, {20, 30}, {0, 0}});
      assertThat(c.x() instanceof SparseMatrix).isEqualTo(!dense);
    }
  }

  @Test
  void outerJoinTakesTheUnionAbsentInSparseNanInDense() {
    AnnData s = concat(List.of(a(false), b(false)), true);
    assertThat(s.varNames()).containsExactly("g1", "g2", "g3", "g4");
    assertThat(s.x().toArray())
        .isEqualTo(
            new double[][] {
              {1, 0, 3, 0}, {0, 5, 0, 0}, {7, 8, 9, 0}, {0, 20, 30, 40}, {0, 0, 0, 41}
            });
    assertThat(((SparseMatrix) s.x()).nnz()).isEqualTo(10);
    assertThat(s.obs().columnNames()).containsExactly("index", "cell_type", "n", "artifact_uid");
    assertThat(s.obs().doubleColumn("n").isMissing(3)).isTrue();
    AnnData d = concat(List.of(a(true), b(true)), true);
    assertThat(d.x().get(3, 0)).isNaN();
    assertThat(d.x().get(0, 3)).isNaN();
    assertThat(d.x().get(4, 3)).isEqualTo(41);
  }

  @Test
  void concatenatesRealH5adFiles() {
    Path dir = SharedData.formats().resolve("h5ad");
    AnnData one = AnnData.read(dir.resolve("anndata-v0.7.0_adata.h5ad"));
    AnnData two = AnnData.read(dir.resolve("anndata-v0.7.8_adata.h5ad"));
    AnnData c = concat(List.of(one, two), false);
    assertThat(c.nObs()).isEqualTo(one.nObs() + two.nObs());
    List<String> shared = one.varNames().stream().filter(n -> two.varNames().contains(n)).toList();
    assertThat(c.varNames()).isEqualTo(shared);
    int j = one.varNames().indexOf(shared.get(0));
    assertThat(c.x().get(0, 0)).isEqualTo(one.x().get(0, j));
    int j2 = two.varNames().indexOf(shared.get(0));
    assertThat(c.x().get(one.nObs(), 0)).isEqualTo(two.x().get(0, j2));
    assertThat(c.obs().stringColumn("artifact_uid").countUnique()).isEqualTo(2);
  }
}
