package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lamindb.formats.AnnData;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Writes an AnnData with every element kind as .h5ad, zarr v2 and zarr v3 and reads it back. */
class RoundTripTest {
  @TempDir Path dir;

  private AnnData roundTrip(String format, AnnData a) {
    Path p;
    switch (format) {
      case "h5ad" -> {
        p = dir.resolve("a.h5ad");
        a.writeH5ad(p);
      }
      case "h5ad-gzip" -> {
        p = dir.resolve("z.h5ad");
        a.writeH5ad(p, true);
      }
      case "zarr2" -> {
        p = dir.resolve("a.zarr");
        a.writeZarr(p, 2);
      }
      default -> {
        p = dir.resolve("a3.zarr");
        a.writeZarr(p, 3);
      }
    }
    return AnnData.read(p);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h5ad", "h5ad-gzip", "zarr2", "zarr3"})
  void everyElementKindSurvives(String format) {
    AnnData a = Samples.everyKind();
    AnnData b = roundTrip(format, a);

    assertThat(b.x()).isEqualTo(a.x());
    assertThat(b.obsNames()).containsExactly("c0", "c1", "c2", "c3");
    assertThat(b.varNames()).containsExactly("ENSG1", "ENSG2", "ENSG3");
    Table obs = b.obs();
    assertThat(obs.columnNames()).containsExactlyElementsOf(a.obs().columnNames());
    assertThat(obs.stringColumn("cell_type").get(0)).isEqualTo("T");
    assertThat(obs.stringColumn("cell_type").isMissing(3)).isTrue();
    assertThat(new ArrayList<Object>(obs.column("plain_int").asList())).containsExactly(1, 2, 3, 4);
    IntColumn nInt = (IntColumn) obs.column("n_genes");
    assertThat(nInt.isMissing(1)).isTrue();
    assertThat(nInt.get(2)).isEqualTo(9);
    BooleanColumn nBool = (BooleanColumn) obs.column("qc_pass");
    assertThat(nBool.isMissing(2)).isTrue();
    assertThat(nBool.get(0)).isTrue();
    assertThat(nBool.get(1)).isFalse();
    assertThat(((BooleanColumn) obs.column("is_doublet")).get(1)).isTrue();
    assertThat(obs.doubleColumn("score").get(1)).isEqualTo(1.5);
    assertThat(obs.doubleColumn("score").isMissing(2)).isTrue();
    assertThat(new ArrayList<Object>(obs.column("big").asList()))
        .containsExactly(1L << 40, 2L, 3L, -4L);
    assertThat(new ArrayList<Object>(obs.column("small").asList()))
        .containsExactly((short) 1, (short) -1, (short) 2, (short) -2);
    assertThat(b.var().doubleColumn("mean").asList()).containsExactly(0.1, 0.2, 0.3);

    assertThat(b.layers()).isEqualTo(a.layers());
    assertThat(b.obsm().get("X_umap")).isEqualTo(a.obsm().get("X_umap"));
    assertThat(((Table) b.obsm().get("meta")).doubleColumn("v").asList())
        .containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(b.varm()).isEqualTo(a.varm());
    assertThat(b.obsp()).isEqualTo(a.obsp());
    assertThat(b.varp()).isEqualTo(a.varp());

    Map<String, Object> uns = b.uns();
    assertThat(uns.get("title")).isEqualTo("a tést ✓");
    assertThat(uns.get("version")).isEqualTo(3L);
    assertThat(uns.get("resolution")).isEqualTo(0.75);
    assertThat(uns.get("flag")).isEqualTo(false);
    assertThat((double[]) uns.get("weights")).containsExactly(0.25, 0.75);
    assertThat((String[]) uns.get("colors")).containsExactly("#ff0000", "#00ff00");
    assertThat((long[]) uns.get("counts")).containsExactly(3, 4, 5);
    assertThat(uns.get("neighbors")).isEqualTo(a.uns().get("neighbors"));
    assertThat((String[][]) uns.get("grid")).isDeepEqualTo(new String[][] {{"a", "b"}, {"c", "d"}});
    assertThat((Object[]) uns.get("maybe")).containsExactly(1L, null, 3L);
    assertThat(uns.get("mat")).isEqualTo(a.uns().get("mat"));

    assertThat(b.raw().x()).isEqualTo(a.raw().x());
    assertThat(new ArrayList<Object>(b.raw().var().column(0).asList()))
        .containsExactly("g1", "g2", "g3", "g4");
  }

  /** Without the enum type, nullable columns go through float64 + NaN and are restored on read. */
  @org.junit.jupiter.api.Test
  void bitfieldFallbackRestoresNullableColumns() throws Exception {
    Path p = dir.resolve("fallback.h5ad");
    AnnData a = Samples.everyKind();
    org.lamindb.formats.internal.hdf5.Hdf5Writer.write(
        p,
        false,
        root -> new org.lamindb.formats.anndata.internal.AnnDataWriter(true, true).write(a, root));
    AnnData b = AnnData.read(p);
    IntColumn nInt = (IntColumn) b.obs().column("n_genes");
    assertThat(nInt.isMissing(1)).isTrue();
    assertThat(nInt.get(2)).isEqualTo(9);
    BooleanColumn nBool = (BooleanColumn) b.obs().column("qc_pass");
    assertThat(nBool.isMissing(2)).isTrue();
    assertThat(nBool.get(0)).isTrue();
    assertThat((Object[]) b.uns().get("maybe")).containsExactly(1L, null, 3L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h5ad", "h5ad-gzip", "zarr2", "zarr3"})
  void emptySparseAndAllMissingCategoricalSurvive(String format) {
    tech.tablesaw.api.StringColumn allMissing = tech.tablesaw.api.StringColumn.create("label");
    allMissing.appendMissing();
    allMissing.appendMissing();
    Table obs = AnnDataSupport.index("obs", 2).addColumns(allMissing);
    AnnData a =
        new AnnData(
            new SparseMatrix(
                SparseMatrix.Format.CSR,
                new float[0],
                DType.FLOAT32,
                new int[0],
                new long[] {0, 0, 0},
                2,
                3),
            obs,
            AnnDataSupport.index("var", 3));
    AnnData b = roundTrip(format, a);
    assertThat(b.x()).isEqualTo(a.x());
    assertThat(b.obs().stringColumn("label").countMissing()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h5ad", "h5ad-gzip", "zarr2", "zarr3"})
  void largeChunkedMatricesSurvive(String format) {
    int rows = 3000;
    int cols = 257;
    float[] dense = new float[rows * cols];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = (i * 7919) % 1000 / 10f;
    }
    AnnData a = AnnData.of(new DenseMatrix(dense, DType.FLOAT32, rows, cols));
    assertThat(a.obsNames().get(rows - 1)).isEqualTo(String.valueOf(rows - 1));
    AnnData b = roundTrip(format, a);
    assertThat(b.x()).isEqualTo(a.x());
  }
}
