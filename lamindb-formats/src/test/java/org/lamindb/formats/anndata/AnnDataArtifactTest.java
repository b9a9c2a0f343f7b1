package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminException;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.internal.core.Access;
import org.lamindb.model.Artifact;
import org.lamindb.testing.Backend;

/**
 * AnnData artifacts end to end through {@link LaminDB} (SQLite, local storage) with this module's
 * provider.
 */
class AnnDataArtifactTest {
  @TempDir Path tmp;
  LaminDB ln;

  @BeforeEach
  void open() {
    ln = Backend.SQLITE.newInstance(tmp);
  }

  @AfterEach
  void close() {
    ln.close();
  }

  private long artifactRows() {
    return Access.instance(ln).db().dsl().fetchCount(org.jooq.impl.DSL.table("lamindb_artifact"));
  }

  @Test
  void inMemoryAnnDataSavesAsH5adAndLoadsBack() {
    Artifact a = ln.artifact(Samples.everyKind()).key("datasets/every.h5ad").save();
    assertThat(a.suffix()).isEqualTo(".h5ad");
    assertThat(a.otype()).isEqualTo("AnnData");
    assertThat(a.nObservations()).isEqualTo(4L);
    Artifact again = ln.artifacts().get("key", "datasets/every.h5ad");
    AnnData b = again.load(AnnData.class);
    assertThat(b.shape()).containsExactly(4, 3);
    assertThat(b.obs().stringColumn("cell_type").get(0)).isEqualTo("T");
    assertThat(again.load()).isInstanceOf(AnnData.class);
    try (AnnDataAccessor acc = again.load(AnnDataAccessor.class)) {
      assertThat(acc.xRows(0, 2).shape()).containsExactly(2, 3);
    }
  }

  @Test
  void zarrKeyWritesAZarrStoreArtifact() throws Exception {
    Artifact a = ln.artifact(Samples.everyKind()).key("datasets/every.anndata.zarr").save();
    assertThat(a.suffix()).isEqualTo(".anndata.zarr");
    // folder artifacts are inspected too
    assertThat(a.otype()).isEqualTo("AnnData");
    assertThat(a.nObservations()).isEqualTo(4L);
    AnnData b = ln.artifacts().get("key", "datasets/every.anndata.zarr").load(AnnData.class);
    assertThat(b.obsNames()).containsExactly("c0", "c1", "c2", "c3");
  }

  @Test
  void registeredSharedH5adGetsOtypeAndObservations() throws Exception {
    Path copy =
        Files.copy(
            SharedData.formats().resolve("h5ad/10x_pbmc68k_reduced.h5ad"),
            tmp.resolve("pbmc68k.h5ad"));
    Artifact a = ln.artifact(copy).key("scanpy/pbmc68k.h5ad").save();
    assertThat(a.otype()).isEqualTo("AnnData");
    assertThat(a.nObservations()).isEqualTo(700L);
    assertThat(a.load(AnnData.class).nVars()).isEqualTo(765);
    // describe shows the shape from H5AD_FEATURES.tsv (700 cells x 765 genes) and the obs columns
    assertThat(a.describeText()).contains("└── AnnData", "AnnData 700 x 765", "obs: ");
  }

  @Test
  void truncatedH5adLeavesNoArtifactRow() throws Exception {
    byte[] b =
        Files.readAllBytes(SharedData.formats().resolve("h5ad/cellxgene_example_valid.h5ad"));
    Path bad = tmp.resolve("bad.h5ad");
    Files.write(bad, java.util.Arrays.copyOf(b, b.length / 100));
    assertThatThrownBy(() -> ln.artifact(bad).key("bad.h5ad").save())
        .isInstanceOf(LaminException.class)
        .hasMessageContaining("bad.h5ad");
    assertThat(artifactRows()).isZero();
  }
}
