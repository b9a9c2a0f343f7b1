package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.Table;

/**
 * Reads every shared AnnData zarr store (v2 blosc-lz4, v3 zstd). Expected values were read
 * independently with zarr-python/numcodecs from the same stores, or come from MANIFEST.tsv.
 */
class ReadSharedZarrTest {

  static Path zarr(String name) {
    return SharedData.formats().resolve("zarr").resolve(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "anndataR_example.zarr, 50, 100, csr, Cell000, Gene000",
    "anndata-v0.7.8_adata.zarr, 30, 20, csr, cell0, gene0",
    "anndata-v0.11.4_adata.zarr, 10, 20, none, 0, 0",
    "vitessce-anndata-0.8/anndata-csc.zarr, 3, 15, csc, CTG, gene_0",
    "vitessce-anndata-0.8/anndata-csr.adata.zarr, 3, 15, csr, CTG, gene_0",
    "vitessce-anndata-0.8/anndata-dense.zarr, 3, 15, dense, CTG, gene_0",
    "vitessce-anndata-0.12/anndata-csc.zarr, 3, 15, csc, CTG, gene_0",
    "vitessce-anndata-0.12/anndata-csr.adata.zarr, 3, 15, csr, CTG, gene_0",
    "vitessce-anndata-0.12/anndata-dense.zarr, 3, 15, dense, CTG, gene_0"
  })
  void readsStore(String name, long nObs, long nVars, String layout, String obs0, String var0) {
    AnnData a = AnnData.read(zarr(name));
    assertThat(a.nObs()).isEqualTo(nObs);
    assertThat(a.obsNames().get(0)).isEqualTo(obs0);
    assertThat(a.varNames().get(0)).isEqualTo(var0);
    switch (layout) {
      case "none" -> assertThat(a.x()).isNull();
      case "dense" -> assertThat(a.x()).isInstanceOf(DenseMatrix.class);
      default -> assertThat(((SparseMatrix) a.x()).format().name()).isEqualToIgnoringCase(layout);
    }
    if (a.x() != null) {
      assertThat(a.x().shape()).containsExactly(nObs, nVars);
    }
    try (AnnDataAccessor acc = AnnData.open(zarr(name))) {
      assertThat(acc.shape()[0]).isEqualTo(nObs);
      if (a.x() != null) {
        assertThat(acc.xRows(1, nObs)).isEqualTo(a.x().rows(1, (int) nObs));
      }
    }
  }

  @Test
  void anndataRBloscLz4Values() {
    AnnData a = AnnData.read(zarr("anndataR_example.zarr"));
    SparseMatrix x = (SparseMatrix) a.x();
    assertThat(Arrays.copyOf(x.indptr(), 3)).containsExactly(0, 87, 172);
    assertThat(x.get(0, 0)).isCloseTo(1.3469266, within(1e-6));
    assertThat(a.obs().column("IntNA").isMissing(0)).isTrue();
    assertThat(a.obs().column("IntNA").isMissing(1)).isFalse();
    assertThat(a.obs().column("BoolNA")).isInstanceOf(BooleanColumn.class);
    assertThat(a.obs().stringColumn("leiden").asList().subList(0, 5))
        .containsExactly("0", "2", "2", "1", "1");
    assertThat(a.layers()).containsKeys("counts", "csc_counts", "dense_X", "dense_counts");
  }

  @Test
  void legacyZarrWithRecordArray() {
    AnnData a = AnnData.read(zarr("anndata-v0.7.8_adata.zarr"));
    assertThat(a.x().get(0, 0)).isEqualTo(1.0);
    assertThat(Arrays.copyOf(((SparseMatrix) a.x()).indices(), 3)).containsExactly(0, 2, 7);
    assertThat(a.uns()).containsKeys("O_recarray", "nested");
    assertThat(a.uns().get("O_recarray")).isInstanceOf(Table.class);
    assertThat(a.obs().columnNames())
        .contains("obs_cat", "cat_ordered", "int64", "float64", "uint8");
  }

  @Test
  void zarrV3DenseValues() {
    AnnData a = AnnData.read(zarr("vitessce-anndata-0.12/anndata-dense.zarr"));
    assertThat(a.x().get(0, 4)).isEqualTo(4.0);
    assertThat(a.x().get(2, 14)).isEqualTo(14.0);
    AnnData csr = AnnData.read(zarr("vitessce-anndata-0.12/anndata-csr.adata.zarr"));
    assertThat(((SparseMatrix) csr.x()).indptr()).containsExactly(0, 14, 28, 42);
    assertThat(csr.x().get(0, 1)).isEqualTo(1.0);
    assertThat(csr.layers()).containsKeys("float32", "int32", "int64");
    assertThat(csr.raw()).isNull();
  }
}
