package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;

/**
 * The anndata &lt;= 0.6 layout (no encoding attributes; obs/var as compound datasets; categories in
 * {@code uns/<col>_categories}; h5sparse groups), built with h5py where it is installed.
 */
class LegacyLayoutTest {
  @TempDir Path dir;

  @Test
  void compoundObsWithUnsCategories() throws Exception {
    String py = null;
    for (String c : new String[] {"python3", "/usr/bin/python3"}) {
      try {
        Process p = new ProcessBuilder(c, "-c", "import h5py").redirectErrorStream(true).start();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          py = c;
          break;
        }
      } catch (IOException e) {
        // next
      }
    }
    assumeTrue(py != null, "python3 with h5py not available");
    Path f = dir.resolve("legacy.h5ad");
    Process p =
        new ProcessBuilder(
                py,
                "-c",
                String.join(
                    "\n",
                    "import h5py, numpy as np, sys",
                    "f = h5py.File(sys.argv[1], 'w')",
                    "f.create_dataset('X', data=np.arange(6, dtype='float32').reshape(3, 2))",
                    "obs = np.array([(b'c0', 0, 1.5), (b'c1', 1, 2.5), (b'c2', 0, 3.5)],",
                    "    dtype=[('index', 'S2'), ('cell_type', 'i1'), ('score', 'f8')])",
                    "f.create_dataset('obs', data=obs)",
                    "f.create_dataset('var', data=np.array([(b'g0',), (b'g1',)], dtype=[('index', 'S2')]))",
                    "f.create_dataset('uns/cell_type_categories', data=np.array([b'B', b'T']))",
                    "f.create_dataset('uns/note', data='legacy')",
                    "g = f.create_group('layers/sp')",
                    "g.attrs['h5sparse_format'] = 'csr'; g.attrs['h5sparse_shape'] = (3, 2)",
                    "g['data'] = np.array([7.0], dtype='float32'); g['indices'] = np.array([1], dtype='int32')",
                    "g['indptr'] = np.array([0, 0, 1, 1], dtype='int64')",
                    "f.close()"),
                f.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();

    AnnData a = AnnData.read(f);
    assertThat(a.obsNames()).containsExactly("c0", "c1", "c2");
    assertThat(a.varNames()).containsExactly("g0", "g1");
    assertThat(a.obs().stringColumn("cell_type").asList()).containsExactly("B", "T", "B");
    assertThat(a.obs().doubleColumn("score").asList()).containsExactly(1.5, 2.5, 3.5);
    assertThat(a.uns()).containsOnlyKeys("note");
    assertThat(a.x().get(2, 1)).isEqualTo(5.0);
    assertThat(a.layers().get("sp").get(1, 1)).isEqualTo(7.0);
    assertThat(((SparseMatrix) a.layers().get("sp")).format()).isEqualTo(SparseMatrix.Format.CSR);
    try (AnnDataAccessor acc = AnnData.open(f)) {
      assertThat(acc.shape()).containsExactly(3, 2);
      assertThat(acc.obsColumns()).containsExactly("cell_type", "score");
      assertThat(acc.obs().stringColumn("cell_type").asList()).containsExactly("B", "T", "B");
      assertThat(acc.xRows(1, 3).get(1, 0)).isEqualTo(4.0);
    }
  }
}
