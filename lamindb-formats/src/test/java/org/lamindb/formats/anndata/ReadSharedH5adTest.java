package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lamindb.formats.AnnData;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads every shared .h5ad (and the AnnData inside the .h5mu) and checks it against
 * H5AD_FEATURES.tsv; values below were read independently with h5py from the same files.
 */
class ReadSharedH5adTest {

  static Stream<String> files() throws IOException {
    return SharedData.h5adFeatures().keySet().stream();
  }

  static AnnData read(String file) {
    Path p = SharedData.formats().resolve("h5ad").resolve(file);
    return file.endsWith(".h5mu") ? AnnData.read(p, "mod/mod1") : AnnData.read(p);
  }

  static List<String> list(String cell) {
    if (cell.equals("(empty)") || cell.equals("-") || cell.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(Arrays.asList(cell.split(",")));
    out.removeIf(s -> s.endsWith("..."));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void matchesFeatureTable(String file) throws IOException {
    Map<String, String> row = SharedData.h5adFeatures().get(file);
    AnnData a = read(file);

    String x = row.get("X");
    if (x.equals("none")) {
      assertThat(a.x()).isNull();
    } else {
      String[] parts = x.split(" ");
      String[] dims = x.replaceAll(".*shape=\\[(\\d+), (\\d+)\\].*", "$1 $2").split(" ");
      assertThat(a.x().shape()).containsExactly(Long.parseLong(dims[0]), Long.parseLong(dims[1]));
      assertThat(a.shape()).containsExactly(Long.parseLong(dims[0]), Long.parseLong(dims[1]));
      assertThat(a.x().dtype().name().toLowerCase()).isEqualTo(parts[1]);
      if (parts[0].equals("dense")) {
        assertThat(a.x()).isInstanceOf(DenseMatrix.class);
      } else {
        assertThat(a.x()).isInstanceOf(SparseMatrix.class);
        assertThat(((SparseMatrix) a.x()).format().name().toLowerCase()).isEqualTo(parts[0]);
      }
    }
    assertThat(a.raw() != null).isEqualTo(row.get("raw").startsWith("raw/"));
    assertThat(a.layers().keySet()).containsExactlyInAnyOrderElementsOf(list(row.get("layers")));
    assertThat(a.obsm().keySet()).containsExactlyInAnyOrderElementsOf(list(row.get("obsm")));
    for (String cat : list(row.get("categorical_obs_cols"))) {
      assertThat(a.obs().column(cat)).isInstanceOf(StringColumn.class);
    }
    if (!file.endsWith(".h5mu")) {
      assertThat(a.uns()).hasSize(Integer.parseInt(row.get("n_uns_keys")));
    }
    assertThat(a.obs().column(0)).isInstanceOf(StringColumn.class);
    assertThat(a.obs().column(0).countUnique()).isEqualTo(a.nObs());
  }

  @Test
  void anndataRExampleValues() {
    AnnData a = read("anndataR_example.h5ad");
    Table obs = a.obs();
    assertThat(obs.column(0).getString(0)).isEqualTo("Cell000");
    assertThat(a.varNames().subList(0, 3)).containsExactly("Gene000", "Gene001", "Gene002");
    LongColumn intNa = (LongColumn) obs.column("IntNA");
    assertThat(intNa.isMissing(0)).isTrue();
    assertThat(intNa.get(1)).isEqualTo(42L);
    assertThat(intNa.countMissing()).isEqualTo(1);
    BooleanColumn boolNa = (BooleanColumn) obs.column("BoolNA");
    assertThat(boolNa.isMissing(1)).isTrue();
    assertThat(boolNa.get(0)).isFalse();
    assertThat(boolNa.get(2)).isTrue();
    assertThat(obs.doubleColumn("FloatNA").isMissing(0)).isTrue();
    assertThat(obs.doubleColumn("FloatNA").get(1)).isEqualTo(42.42);
    assertThat(obs.stringColumn("leiden").asList().subList(0, 5))
        .containsExactly("0", "2", "2", "1", "1");
    SparseMatrix x = (SparseMatrix) a.x();
    assertThat(Arrays.copyOf(x.indptr(), 3)).containsExactly(0, 87, 172);
    assertThat(x.nnz()).isEqualTo(4317);
    assertThat(x.get(0, 0)).isCloseTo(1.3469266, within(1e-6));
    assertThat(x.get(0, 6)).isCloseTo(2.033359, within(1e-6));
    assertThat(x.get(0, 4)).isZero();
    assertThat(a.layers().get("csc_counts")).isInstanceOf(SparseMatrix.class);
    assertThat(((SparseMatrix) a.layers().get("csc_counts")).format())
        .isEqualTo(SparseMatrix.Format.CSC);
    assertThat(a.uns().get("IntScalar")).isEqualTo(1L);
    assertThat(a.uns().get("StringScalar")).isEqualTo("A string");
    assertThat((String[][]) a.uns().get("String2D")).hasDimensions(5, 10);
    assertThat(((Matrix) a.uns().get("Sparse1D")).shape()).containsExactly(1, 6);
    @SuppressWarnings("unchecked")
    Map<String, Object> neighbors = (Map<String, Object>) a.uns().get("neighbors");
    assertThat(neighbors).containsKeys("connectivities_key", "params");
    assertThat(a.obsp().keySet()).containsExactlyInAnyOrder("connectivities", "distances");
  }

  @Test
  void pbmc68kValues() {
    AnnData a = read("10x_pbmc68k_reduced.h5ad");
    assertThat(a.obs().column(0).name()).isEqualTo("index");
    assertThat(a.obs().columnNames().subList(1, 9))
        .containsExactly(
            "bulk_labels",
            "n_genes",
            "percent_mito",
            "n_counts",
            "S_score",
            "G2M_score",
            "phase",
            "louvain");
    float[] expected = {-0.326f, -0.191f, -0.728f, -0.301f, 3.386f};
    for (int j = 0; j < expected.length; j++) {
      assertThat(a.x().get(0, j)).isCloseTo(expected[j], within(1e-3));
    }
    assertThat(a.raw().x().shape()).containsExactly(700, 765);
    assertThat(((SparseMatrix) a.raw().x()).nnz()).isEqualTo(174400);
    @SuppressWarnings("unchecked")
    Map<String, Object> rgg = (Map<String, Object>) a.uns().get("rank_genes_groups");
    Table names = (Table) rgg.get("names");
    assertThat(names.columnNames()).hasSize(10).contains("CD4+/CD25 T Reg", "Dendritic");
  }

  @Test
  void zellkonverterNullableColumns() {
    AnnData a = read("zellkonverter_krumsiek11_augmented_v0-8.h5ad");
    assertThat(a.obs().columnNames().subList(1, 8))
        .containsExactly(
            "cell_type",
            "dummy_num",
            "dummy_num2",
            "dummy_int",
            "dummy_int2",
            "dummy_bool",
            "dummy_bool2");
    assertThat(a.obs().column("dummy_bool2")).isInstanceOf(BooleanColumn.class);
    assertThat(a.obs().column("dummy_bool")).isInstanceOf(BooleanColumn.class);
    assertThat(a.x().get(0, 0)).isCloseTo(0.8032, within(1e-4));
    assertThat(a.x().get(0, 6)).isCloseTo(0.7997, within(1e-4));
  }

  @Test
  void legacy07CategoriesAndLzf() {
    AnnData a = read("anndata-v0.7.0_adata.h5ad");
    assertThat(a.obsNames().subList(0, 3)).containsExactly("cell0", "cell1", "cell2");
    assertThat(a.obs().stringColumn("obs_cat").asList().subList(0, 5))
        .containsExactly("S", "W", "E", "z", "i");
    assertThat(new ArrayList<Object>(a.obs().column("int64").asList().subList(0, 3)))
        .containsExactly(-29L, -29L, 34L);
    assertThat(new ArrayList<Object>(a.obs().column("uint8").asList().subList(0, 3)))
        .containsExactly((short) 226, (short) 69, (short) 251);
    assertThat(a.raw().x().shape()).containsExactly(30, 40);
    assertThat(a.obsm().get("df")).isInstanceOf(Table.class);
    Table rec = (Table) a.uns().get("O_recarray");
    assertThat(rec.columnNames()).containsExactly("idCmW", "ipisL", "HvNdR", "kTvNh", "QJgNd");
    assertThat(rec.row(0).getString("idCmW")).isEqualTo("IRRZ");
  }

  @Test
  void mudataModality() {
    AnnData a = read("mudata-v0.4.1_mdata_axis0.h5mu");
    assertThat(a.shape()).containsExactly(100, 20);
  }
}
