package org.lamindb.formats.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.formats.anndata.AnnDataFormatProvider;
import org.lamindb.formats.anndata.Matrix;
import tech.tablesaw.api.Table;

/**
 * Every encoding of the anndata on-disk spec, written element by element with h5py and zarr: each
 * element is read, or skipped with a warning naming its path; uns never blocks X and obs.
 */
class SpecEncodingsTest {

  @ParameterizedTest
  @ValueSource(strings = {"spec-encodings.h5ad", "spec-encodings.zarr"})
  void obsColumnsOfEveryEncodingIncludingNullableStringCategories(String name) {
    AnnData a = AnnData.read(Fixtures.get(name));
    assertThat(a.obsNames()).containsExactly("c0", "c1", "c2", "c3");
    Table obs = a.obs();
    assertThat(obs.stringColumn("cat").asList()).containsExactly("B", "T", "", "B");
    assertThat(obs.stringColumn("cat").isMissing(2)).isTrue();
    assertThat(obs.stringColumn("ns").isMissing(1)).isTrue();
    assertThat(obs.stringColumn("ns").get(2)).isEqualTo("c");
    assertThat(obs.column("ni").isMissing(2)).isTrue();
    assertThat(((Number) obs.column("ni").get(3)).longValue()).isEqualTo(4L);
    assertThat(obs.booleanColumn("nb").get(0)).isTrue();
    assertThat(obs.booleanColumn("nb").isMissing(3)).isTrue();
    assertThat(obs.stringColumn("s").get(3)).isEqualTo("s");
    assertThat(obs.doubleColumn("f").get(1)).isEqualTo(1.5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"spec-encodings.h5ad", "spec-encodings.zarr"})
  void matricesAndUnsAreReadAndUnsupportedElementsSkippedWithTheirPath(String name) {
    AnnData a = AnnData.read(Fixtures.get(name));
    assertThat(a.x().get(3, 1)).isEqualTo(3.0);
    assertThat(a.layers().get("csc").get(3, 1)).isEqualTo(5.0);
    assertThat(((Matrix) a.obsm().get("X_pca")).get(3, 1)).isEqualTo(7.0);
    assertThat(a.obsm()).doesNotContainKey("ragged");
    Map<String, Object> uns = a.uns();
    assertThat(uns.get("title")).isEqualTo("spec ✓");
    assertThat(uns.get("n")).isEqualTo(3L);
    assertThat(uns.get("pi")).isEqualTo(3.25);
    assertThat(uns.get("yes")).isEqualTo(Boolean.TRUE);
    assertThat((String[]) uns.get("colors")).containsExactly("#ff0000", "#00ff00");
    assertThat((int[]) uns.get("ints")).containsExactly(1, 2, 3);
    assertThat(((Map<?, ?>) uns.get("nested")).get("method")).isEqualTo("umap");
    assertThat(((Table) uns.get("df")).longColumn("v").get(1)).isEqualTo(2L);
    assertThat(((Table) uns.get("rec")).intColumn("a").asList()).containsExactly(1, 3);
    assertThat(((Table) uns.get("rec_plain")).doubleColumn("b").asList()).containsExactly(2.0, 4.0);
    assertThat(uns).doesNotContainKeys("rec_sub", "future");
    assertThat(a.raw().x().shape()).containsExactly(4, 1);
    assertThat(a.warnings())
        .anySatisfy(w -> assertThat(w).contains("/obsm/ragged").contains("awkward-array"))
        .anySatisfy(w -> assertThat(w).contains("/uns/rec_sub").contains("record array"))
        .anySatisfy(w -> assertThat(w).contains("/uns/future").contains("some-future-encoding"))
        .hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"spec-encodings.h5ad", "spec-encodings.zarr"})
  void lazyAccessAndDescribeDoNotFailOnUnsupportedElements(String name) throws Exception {
    try (AnnDataAccessor acc = AnnData.open(Fixtures.get(name))) {
      assertThat(acc.shape()).containsExactly(4, 3);
      assertThat(acc.obs().stringColumn("cat").get(1)).isEqualTo("T");
      assertThat(acc.uns()).containsKey("title").doesNotContainKey("rec_sub");
      assertThat(acc.toMemory().obsm()).containsKey("X_pca");
    }
    var info =
        new AnnDataFormatProvider()
            .inspect(Fixtures.get(name), name.endsWith(".zarr") ? ".zarr" : ".h5ad")
            .orElseThrow();
    assertThat(info.otype()).isEqualTo("AnnData");
    assertThat(info.nObservations()).isEqualTo(4L);
    assertThat(info.summary())
        .anySatisfy(l -> assertThat(l).startsWith("elements:").contains("raw", "uns", "obsm"));
  }
}
