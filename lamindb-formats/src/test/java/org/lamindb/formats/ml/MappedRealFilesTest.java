package org.lamindb.formats.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.formats.anndata.Matrix;
import org.lamindb.formats.anndata.SparseMatrix;
import org.lamindb.formats.anndata.internal.ArrayOps;
import org.lamindb.ml.Batch;
import org.lamindb.ml.BatchOptions;
import org.lamindb.ml.MappedCollection;
import org.lamindb.ml.MappedOptions;
import org.lamindb.ml.MappedSource;

/**
 * Files written by anndata and other tools (shared data): X and raw.X, CSR and dense, stored
 * contiguous (read at their byte address) or chunked and compressed (gzip, lzf: read through the
 * store), compared with the whole matrix as the general AnnData reader loads it; label options on
 * the synthetic fixture of {@link MappedCollectionTest}.
 */
class MappedRealFilesTest {

  /** The expected value of row r, column c, from the whole matrix read into memory. */
  static float expected(Matrix m, int r, int c) {
    if (m instanceof DenseMatrix d) {
      return (float) ArrayOps.getDouble(d.data(), d.dtype(), r * (int) d.shape()[1] + c);
    }
    SparseMatrix s = (SparseMatrix) m;
    if (s.format() == SparseMatrix.Format.CSR) {
      for (long k = s.indptr()[r]; k < s.indptr()[r + 1]; k++) {
        if (s.indices()[(int) k] == c) {
          return (float) ArrayOps.getDouble(s.data(), s.dtype(), (int) k);
        }
      }
      return 0f;
    }
    for (long k = s.indptr()[c]; k < s.indptr()[c + 1]; k++) {
      if (s.indices()[(int) k] == r) {
        return (float) ArrayOps.getDouble(s.data(), s.dtype(), (int) k);
      }
    }
    return 0f;
  }

  static void sameAsWholeMatrix(String file, String layer) {
    Path p = MappedCollectionTest.sharedH5ad(file);
    Matrix whole;
    List<String> vars;
    try (AnnDataAccessor a = AnnData.open(p)) {
      whole = a.matrix(layer);
      vars = a.varNames(layer);
    }
    int rows = (int) whole.shape()[0];
    int cols = (int) whole.shape()[1];
    try (MappedCollection mc =
        MappedCollection.open(
            List.of(new MappedSource("f", p)), MappedOptions.builder().layer(layer).build())) {
      assertThat(mc.shape()).containsExactly(rows, cols);
      assertThat(mc.varIndex()).isEqualTo(vars);
      assertThat(mc.originalShapes().get(0)).containsExactly(rows, cols);
      for (int r = 0; r < rows; r += Math.max(1, rows / 40)) {
        float[] got = mc.get(r).x().denseRow(0);
        for (int c = 0; c < cols; c++) {
          assertThat(got[c])
              .as("%s %s [%d, %d]", file, layer, r, c)
              .isEqualTo(expected(whole, r, c));
        }
      }
      int seen = 0;
      for (Batch b :
          mc.batches(BatchOptions.builder().batchSize(32).chunkSize(7).shuffle(5).build())) {
        for (int k = 0; k < b.size(); k++, seen++) {
          String id = b.rowIds().get(k);
          int r = Integer.parseInt(id.substring(id.indexOf(':') + 1));
          float[] got = b.x().denseRow(k);
          for (int c = 0; c < cols; c++) {
            assertThat(got[c])
                .as("%s %s batch row %d", file, layer, r)
                .isEqualTo(expected(whole, r, c));
          }
        }
      }
      assertThat(seen).isEqualTo(rows);
    }
  }

  @Test
  void csrXStoredContiguousAndItsRawX() {
    sameAsWholeMatrix("cellxgene_example_invalid_CL.h5ad", "X");
    sameAsWholeMatrix("cellxgene_example_invalid_CL.h5ad", "raw.X");
  }

  @Test
  void denseGzipXAndRawXOfScanpysPbmc() {
    sameAsWholeMatrix("10x_pbmc68k_reduced.h5ad", "X");
    sameAsWholeMatrix("10x_pbmc68k_reduced.h5ad", "raw.X");
  }

  @Test
  void lzfCompressedLegacyFile() {
    sameAsWholeMatrix("anndata-v0.7.8_adata.h5ad", "X");
  }

  @Test
  void unknownLabelAndLabelWeights() {
    MappedCollectionTest.write();
    try (MappedCollection mc =
        MappedCollection.open(
            MappedCollectionTest.sources,
            MappedOptions.builder().obsKeys("cell_type").unknownLabel(-7).build())) {
      int[] codes = mc.codes("cell_type");
      // file 1 has no cell type: its one row gets the unknown label
      assertThat(codes[37]).isEqualTo(-7);
      Map<Integer, Integer> count = new HashMap<>();
      for (int c : codes) {
        count.merge(c, 1, Integer::sum);
      }
      double[] w = mc.labelWeights("cell_type");
      Map<Integer, Double> sum = new HashMap<>();
      for (int i = 0; i < w.length; i++) {
        assertThat(w[i]).isEqualTo(1.0 / count.get(codes[i]));
        sum.merge(codes[i], w[i], Double::sum);
      }
      // each label, the unknown one included, weighs 1 in total
      sum.values()
          .forEach(s -> assertThat(s).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9)));
      assertThat(sum).hasSize(5);
    }
  }
}
