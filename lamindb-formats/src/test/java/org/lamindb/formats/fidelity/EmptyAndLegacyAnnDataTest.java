package org.lamindb.formats.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.formats.anndata.AnnDataFormatProvider;
import org.lamindb.formats.anndata.Matrix;

/**
 * Categoricals without categories or values, empty axes, and the anndata &lt;= 0.6 layout (obsm,
 * varm and raw as compound datasets / {@code raw.*} datasets), from files anndata 0.8 and h5py
 * wrote.
 */
class EmptyAndLegacyAnnDataTest {

  @Test
  void zeroCategoryAndAllMissingCategoricalsLoad() {
    AnnData a = AnnData.read(Fixtures.get("empty-categoricals.h5ad"));
    assertThat(a.shape()).containsExactly(3, 2);
    assertThat(a.obs().column("zero_cats").size()).isEqualTo(3);
    assertThat(a.obs().column("zero_cats").countMissing()).isEqualTo(3);
    assertThat(a.obs().column("all_missing").countMissing()).isEqualTo(3);
    assertThat(a.obs().stringColumn("ok").get(0)).isEqualTo("x");
    assertThat(a.obs().stringColumn("ok").isMissing(1)).isTrue();
    assertThat(a.obs().stringColumn("ok").get(2)).isEqualTo("y");
    assertThat(a.warnings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"empty-0x0.h5ad", "empty-0x0.zarr"})
  void zeroByZeroWithAZeroLengthCategoricalLoads(String name) {
    AnnData a = AnnData.read(Fixtures.get(name));
    assertThat(a.shape()).containsExactly(0, 0);
    assertThat(a.obs().columnNames()).contains("ct");
    assertThat(a.obs().column("ct").size()).isZero();
    if (a.x() != null) {
      assertThat(a.x().shape()).containsExactly(0, 0);
    }
    try (AnnDataAccessor acc = AnnData.open(Fixtures.get(name))) {
      assertThat(acc.shape()).containsExactly(0, 0);
    }
  }

  @Test
  void legacyObsmVarmAndRawAreRead() {
    AnnData a = AnnData.read(Fixtures.get("legacy-0.6.h5ad"));
    assertThat(a.obs().stringColumn("louvain").asList()).containsExactly("B", "T", "B");
    assertThat(a.obsm()).containsOnlyKeys("X_pca", "X_umap");
    Matrix pca = (Matrix) a.obsm().get("X_pca");
    assertThat(pca.shape()).containsExactly(3, 2);
    assertThat(pca.get(2, 1)).isEqualTo(6.0);
    assertThat(((Matrix) a.obsm().get("X_umap")).get(1, 0)).isEqualTo(2.5);
    assertThat(((Matrix) a.varm().get("PCs")).get(1, 0)).isEqualTo(7.0);
    assertThat(a.raw()).isNotNull();
    assertThat(a.raw().x().shape()).containsExactly(3, 3);
    assertThat(a.raw().x().get(2, 2)).isEqualTo(8.0);
    assertThat(a.raw().var().column(0).asStringColumn().asList()).containsExactly("g0", "g1", "g2");
    assertThat(((Matrix) a.raw().varm().get("PCs")).get(2, 0)).isEqualTo(3.0);
  }

  @Test
  void anUnreadableElementIsSkippedWithItsPathAndTheRestLoads() {
    AnnData a = AnnData.read(Fixtures.get("legacy-0.6.h5ad"));
    assertThat(a.layers()).doesNotContainKey("broken");
    assertThat(a.x().get(2, 1)).isEqualTo(5.0);
    assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("/layers/broken"));
  }

  @Test
  void describeListsEveryTopLevelElementAndTheLegacyKeys() throws Exception {
    var info =
        new AnnDataFormatProvider().inspect(Fixtures.get("legacy-0.6.h5ad"), ".h5ad").orElseThrow();
    List<String> lines = info.summary();
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("elements:")
                    .contains(
                        "X", "obs", "var", "obsm", "varm", "layers", "uns", "raw.X", "raw.var")
                    .contains("raw.varm"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("obsm: X_pca, X_umap"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("raw: yes"));
  }
}
