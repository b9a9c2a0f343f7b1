package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.spi.FormatProvider;
import tech.tablesaw.api.Table;

/** The AnnData FormatProvider as core finds it through ServiceLoader. */
class AnnDataFormatProviderTest {
  @TempDir Path dir;

  private static FormatProvider provider() {
    return StreamSupport.stream(ServiceLoader.load(FormatProvider.class).spliterator(), false)
        .filter(p -> p instanceof AnnDataFormatProvider)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void registeredAndKnowsSuffixes() {
    FormatProvider p = provider();
    assertThat(p.canLoad(".h5ad")).isTrue();
    assertThat(p.canLoad(".zarr")).isTrue();
    assertThat(p.canLoad(".anndata.zarr")).isTrue();
    assertThat(p.canLoad(".parquet")).isFalse();
    assertThat(p.canWrite(Samples.everyKind())).isTrue();
    assertThat(p.canWrite(Table.create("t"))).isFalse();
    assertThat(p.suffixFor(Samples.everyKind(), null)).isEqualTo(".h5ad");
    assertThat(p.suffixFor(Samples.everyKind(), ".anndata.zarr")).isEqualTo(".anndata.zarr");
    assertThat(p.suffixFor(Samples.everyKind(), ".zarr")).isEqualTo(".zarr");
  }

  @Test
  void loadsAndInspectsSharedFile() throws Exception {
    FormatProvider p = provider();
    Path f = SharedData.formats().resolve("h5ad/10x_pbmc68k_reduced.h5ad");
    AnnData a = (AnnData) p.load(f, ".h5ad", Object.class).orElseThrow();
    assertThat(a.shape()).containsExactly(700, 765);
    try (AnnDataAccessor acc = p.load(f, ".h5ad", AnnDataAccessor.class).orElseThrow()) {
      assertThat(acc.nObs()).isEqualTo(700);
    }
    assertThat(p.load(f, ".h5ad", String.class)).isEmpty();
    FormatProvider.FormatInfo info = p.inspect(f, ".h5ad").orElseThrow();
    assertThat(info.otype()).isEqualTo("AnnData");
    assertThat(info.nObservations()).isEqualTo(700L);
    assertThat(info.summary().get(0)).contains("700 x 765").contains("array").contains("FLOAT32");
    assertThat(info.summary()).anyMatch(l -> l.startsWith("obs: bulk_labels, n_genes"));
    assertThat(info.summary()).anyMatch(l -> l.startsWith("obsm: ") && l.contains("X_pca"));
    assertThat(info.summary()).contains("raw: yes");
    assertThat(p.inspect(f, ".parquet")).isEmpty();
  }

  @Test
  void writesEachSuffixAndInspectsIt() throws Exception {
    FormatProvider p = provider();
    for (String suffix : new String[] {".h5ad", ".zarr", ".anndata.zarr"}) {
      Path target = dir.resolve("x" + suffix);
      p.write(Samples.everyKind(), target, p.suffixFor(Samples.everyKind(), suffix));
      FormatProvider.FormatInfo info = p.inspect(target, suffix).orElseThrow();
      assertThat(info.otype()).isEqualTo("AnnData");
      assertThat(info.nObservations()).isEqualTo(4L);
      assertThat(info.summary())
          .anyMatch(
              l -> l.equals("layers: counts_csc, dense") || l.equals("layers: dense, counts_csc"));
      assertThat(((AnnData) p.load(target, suffix, AnnData.class).orElseThrow()).nVars())
          .isEqualTo(3);
    }
  }
}
