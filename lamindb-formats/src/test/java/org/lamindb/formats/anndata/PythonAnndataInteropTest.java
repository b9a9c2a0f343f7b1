package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.formats.AnnData;

/**
 * Checks that Python anndata reads what we write (h5ad and zarr v2). Runs only where {@code
 * python3} can import anndata (e.g. Debian's python3-anndata); skipped otherwise.
 */
class PythonAnndataInteropTest {
  @TempDir Path dir;

  private static final String SCRIPT =
      String.join(
          "\n",
          "import sys, anndata, numpy as np, pandas as pd, scipy.sparse as sp",
          "a = anndata.read_h5ad(sys.argv[1]) if sys.argv[1].endswith('.h5ad') else anndata.read_zarr(sys.argv[1])",
          "assert a.shape == (4, 3), a.shape",
          "assert list(a.obs_names) == ['c0', 'c1', 'c2', 'c3']",
          "assert list(a.var_names) == ['ENSG1', 'ENSG2', 'ENSG3']",
          "assert sp.isspmatrix_csr(a.X) and a.X[0, 2] == 2 and a.X.nnz == 4",
          "assert str(a.obs['cell_type'].dtype) == 'category', a.obs.dtypes",
          "assert a.obs['cell_type'].isna().tolist() == [False, False, False, True]",
          "assert a.obs['n_genes'].isna().tolist() == [False, True, False, False]",
          "assert int(a.obs['n_genes'][2]) == 9",
          "assert a.obs['qc_pass'].isna().tolist() == [False, False, True, False], a.obs['qc_pass']",
          "assert bool(a.obs['qc_pass'][0]) and not bool(a.obs['qc_pass'][1])",
          "assert a.obs['is_doublet'].dtype == bool and a.obs['is_doublet'].tolist() == [False, True, False, False]",
          "assert str(a.obs['n_genes'].dtype) == 'Int32', a.obs['n_genes'].dtype",
          "assert str(a.obs['qc_pass'].dtype) == 'boolean', a.obs['qc_pass'].dtype",
          "assert a.uns['flag'] is False or a.uns['flag'] == False",
          "assert a.obs['big'].tolist()[0] == 1 << 40",
          "assert sorted(a.layers.keys()) == ['counts_csc', 'dense']",
          "assert sp.isspmatrix_csc(a.layers['counts_csc']) and a.layers['counts_csc'][3, 0] == 6",
          "assert a.obsm['X_umap'].shape == (4, 2) and a.obsm['X_umap'][1, 1] == 3",
          "assert list(a.obsm['meta']['v']) == [1, 2, 3, 4]",
          "assert a.obsp['connectivities'][0, 1] == 0.5",
          "assert a.uns['title'] == 'a tést ✓' and a.uns['version'] == 3 and a.uns['resolution'] == 0.75",
          "assert list(a.uns['colors']) == ['#ff0000', '#00ff00']",
          "assert a.uns['neighbors']['method'] == 'umap' and a.uns['neighbors']['n_neighbors'] == 15",
          "assert a.raw is not None and a.raw.shape == (4, 4)",
          "print('OK', [str(a.obs[c].dtype) for c in a.obs.columns])");

  private static String python;

  private static boolean pythonHasAnndata() {
    for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
      try {
        Process p =
            new ProcessBuilder(candidate, "-c", "import anndata, zarr")
                .redirectErrorStream(true)
                .start();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          python = candidate;
          return true;
        }
      } catch (IOException | InterruptedException e) {
        // try the next interpreter
      }
    }
    return false;
  }

  private String runPython(Path file) throws Exception {
    Path script = dir.resolve("check.py");
    Files.writeString(script, SCRIPT);
    Process p =
        new ProcessBuilder(python, script.toString(), file.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void anndataReadsOurH5ad() throws Exception {
    assumeTrue(pythonHasAnndata(), "python3 with anndata not available");
    Path f = dir.resolve("every.h5ad");
    Samples.everyKind().writeH5ad(f);
    assertThat(runPython(f)).contains("OK");
  }

  @Test
  void anndataReadsOurZarrV2() throws Exception {
    assumeTrue(pythonHasAnndata(), "python3 with anndata not available");
    Path f = dir.resolve("every.zarr");
    Samples.everyKind().writeZarr(f, 2);
    assertThat(runPython(f)).contains("OK");
  }

  @Test
  void weReadWhatAnndataWrites() throws Exception {
    assumeTrue(pythonHasAnndata(), "python3 with anndata not available");
    Path f = dir.resolve("py.h5ad");
    Path z = dir.resolve("py.zarr");
    Process p =
        new ProcessBuilder(
                python,
                "-c",
                String.join(
                    "\n",
                    "import anndata, numpy as np, pandas as pd, scipy.sparse as sp, sys",
                    "obs = pd.DataFrame({'ct': pd.Categorical(['a', 'b', 'a']), 'n': [1, 2, 3],",
                    "    'ok': [True, False, True]}, index=['x', 'y', 'z'])",
                    "a = anndata.AnnData(X=sp.csr_matrix(np.array([[1, 0], [0, 2], [3, 0]], dtype='float32')), obs=obs)",
                    "a.uns['k'] = {'s': 'v', 'i': 7}",
                    "a.write_h5ad(sys.argv[1]); a.write_zarr(sys.argv[2])"),
                f.toString(),
                z.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    for (Path path : new Path[] {f, z}) {
      AnnData a = AnnData.read(path);
      assertThat(a.shape()).containsExactly(3, 2);
      assertThat(a.obsNames()).containsExactly("x", "y", "z");
      assertThat(a.obs().stringColumn("ct").asList()).containsExactly("a", "b", "a");
      assertThat(a.x().get(2, 0)).isEqualTo(3.0);
      assertThat(a.obs().booleanColumn("ok").get(1)).isFalse();
      assertThat(((java.util.Map<?, ?>) a.uns().get("k")).get("i")).isEqualTo(7L);
    }
  }
}
