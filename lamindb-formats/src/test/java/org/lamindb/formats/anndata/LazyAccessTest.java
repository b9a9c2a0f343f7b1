package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lamindb.StorageException;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;

/** Backed access: metadata and row slices without loading X. */
class LazyAccessTest {
  @TempDir Path dir;

  static Stream<String> files() throws IOException {
    return SharedData.h5adFeatures().keySet().stream().filter(f -> f.endsWith(".h5ad"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void slicesEqualTheFullRead(String file) {
    Path p = SharedData.formats().resolve("h5ad").resolve(file);
    AnnData full = AnnData.read(p);
    try (AnnDataAccessor acc = AnnData.open(p)) {
      assertThat(acc.shape()).containsExactly(full.nObs(), full.nVars());
      assertThat(acc.obsColumns())
          .containsExactlyElementsOf(full.obs().columnNames().subList(1, full.obs().columnCount()));
      assertThat(acc.layerKeys()).containsExactlyInAnyOrderElementsOf(full.layers().keySet());
      assertThat(acc.obsmKeys()).containsExactlyInAnyOrderElementsOf(full.obsm().keySet());
      assertThat(acc.obs().columnNames()).isEqualTo(full.obs().columnNames());
      if (full.x() != null) {
        int n = full.nObs();
        assertThat(acc.xRows(0, n)).isEqualTo(full.x());
        assertThat(acc.xRows(n / 3, n / 2)).isEqualTo(full.x().rows(n / 3, n / 2));
        assertThat(acc.xRows(n - 1, n)).isEqualTo(full.x().rows(n - 1, n));
      } else {
        assertThat(acc.xEncoding()).isNull();
      }
      for (String layer : acc.layerKeys()) {
        assertThat(acc.layerRows(layer, 1, 3)).isEqualTo(full.layers().get(layer).rows(1, 3));
      }
    }
  }

  @Test
  void outOfRangeSliceIsRejected() {
    Path p = SharedData.formats().resolve("h5ad/cellxgene_example_valid.h5ad");
    try (AnnDataAccessor acc = AnnData.open(p)) {
      assertThatThrownBy(() -> acc.xRows(0, 3)).hasMessageContaining("outside");
      assertThatThrownBy(() -> acc.layer("nope")).hasMessageContaining("nope");
    }
  }

  private static String python() {
    for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
      try {
        Process p =
            new ProcessBuilder(candidate, "-c", "import h5py").redirectErrorStream(true).start();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException | InterruptedException e) {
        // next
      }
    }
    return null;
  }

  /**
   * A file declaring a 40,000 x 40,000 float32 X (6.4 GB) that compresses to almost nothing
   * (written with h5py, never filled): reading it whole is refused before allocating, while shape,
   * obs and row slices work.
   */
  @Test
  void hugeCompressedMatrixIsDescribableAndSliceable() throws Exception {
    String py = python();
    assumeTrue(py != null, "python3 with h5py not available");
    Path f = dir.resolve("huge.h5ad");
    Process p =
        new ProcessBuilder(
                py,
                "-c",
                String.join(
                    "\n",
                    "import h5py, numpy as np, sys",
                    "f = h5py.File(sys.argv[1], 'w')",
                    "f.attrs['encoding-type'] = 'anndata'; f.attrs['encoding-version'] = '0.1.0'",
                    "n = 40000",
                    "for axis in ['obs', 'var']:",
                    "    g = f.create_group(axis)",
                    "    g.attrs['encoding-type'] = 'dataframe'; g.attrs['encoding-version'] = '0.2.0'",
                    "    g.attrs['_index'] = '_index'; g.attrs['column-order'] = np.array([], dtype='float64')",
                    "    d = g.create_dataset('_index', data=np.array([f'{axis}{i}' for i in range(n)], dtype=object),",
                    "        dtype=h5py.string_dtype())",
                    "    d.attrs['encoding-type'] = 'string-array'; d.attrs['encoding-version'] = '0.2.0'",
                    "x = f.create_dataset('X', shape=(n, n), dtype='float32', chunks=(100, n), compression='gzip')",
                    "x.attrs['encoding-type'] = 'array'; x.attrs['encoding-version'] = '0.2.0'",
                    "x[5, 7] = 3.5",
                    "f.close()"),
                f.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    assertThat(Files.size(f)).isLessThan(20_000_000L);

    assertThatThrownBy(() -> AnnData.read(f))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("huge.h5ad")
        .hasMessageContaining("AnnData.open");
    try (AnnDataAccessor acc = AnnData.open(f)) {
      assertThat(acc.shape()).containsExactly(40000, 40000);
      assertThat(acc.obs().rowCount()).isEqualTo(40000);
      Matrix rows = acc.xRows(4, 8);
      assertThat(rows.shape()).containsExactly(4, 40000);
      assertThat(rows.get(1, 7)).isEqualTo(3.5);
      assertThat(rows.get(0, 7)).isZero();
    }
    var info = new AnnDataFormatProvider().inspect(f, ".h5ad").orElseThrow();
    assertThat(info.nObservations()).isEqualTo(40000L);
  }
}
