package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.formats.AnnData;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.testing.Backend;

/**
 * collection.load() of AnnData members: anndata.concat with artifact_uid, outer (default) or inner.
 */
abstract class AbstractCollectionLoadTest {
  @TempDir Path tmp;

  abstract Backend backend();

  @Test
  void loadConcatenatesRealH5adMembersWithTheirUids() throws Exception {
    Path dir = SharedData.formats().resolve("h5ad");
    try (LaminDB ln = backend().newInstance(tmp)) {
      Artifact a = ln.artifact(dir.resolve("anndata-v0.7.0_adata.h5ad")).key("ad/a.h5ad").save();
      Artifact b = ln.artifact(dir.resolve("anndata-v0.7.8_adata.h5ad")).key("ad/b.h5ad").save();
      Collection c = ln.collection(List.of(a, b)).key("ad/all").save();
      AnnData all = c.load(AnnData.class);
      assertThat(all.nObs()).isEqualTo(60);
      assertThat(all.obs().stringColumn("artifact_uid").asList().subList(0, 30))
          .containsOnly(a.uid());
      assertThat(all.obs().stringColumn("artifact_uid").asList().subList(30, 60))
          .containsOnly(b.uid());
    }
  }

  @Test
  void loadJoinsVariablesOuterByDefaultAsLaminDbAndInnerOnRequest() throws Exception {
    Path fa = tmp.resolve("a.h5ad");
    Path fb = tmp.resolve("b.h5ad");
    AnnDataConcatTest.a(false).writeH5ad(fa);
    AnnDataConcatTest.b(false).writeH5ad(fb);
    try (LaminDB ln = backend().newInstance(tmp.resolve("inst"))) {
      Artifact a = ln.artifact(fa).key("ad/a.h5ad").save();
      Artifact b = ln.artifact(fb).key("ad/b.h5ad").save();
      Collection c = ln.collection(List.of(a, b)).key("ad/two").save();
      AnnData inner = (AnnData) c.load(false);
      assertThat(inner.varNames()).containsExactly("g2", "g3");
      AnnData outer = (AnnData) c.load(); // LaminDB's collection.load(join="outer")
      assertThat(outer.varNames()).containsExactly("g1", "g2", "g3", "g4");
      assertThat(outer.x().get(3, 3)).isEqualTo(40);
      assertThat(outer.x().get(0, 3)).as("g4 is not in a: implicit zero in sparse X").isZero();
      assertThat(((AnnData) c.load(true)).varNames()).isEqualTo(outer.varNames());
      assertThat(outer.obs().stringColumn("artifact_uid").get(4)).isEqualTo(b.uid());
      assertThat(Files.exists(fa)).isTrue();
    }
  }

  @Test
  void outerLoadOfDenseMembersFillsAbsentVariablesWithNan() throws Exception {
    Path fa = tmp.resolve("da.h5ad");
    Path fb = tmp.resolve("db.h5ad");
    AnnDataConcatTest.a(true).writeH5ad(fa);
    AnnDataConcatTest.b(true).writeH5ad(fb);
    try (LaminDB ln = backend().newInstance(tmp.resolve("dense"))) {
      Artifact a = ln.artifact(fa).key("ad/da.h5ad").save();
      Artifact b = ln.artifact(fb).key("ad/db.h5ad").save();
      AnnData outer = ln.collection(List.of(a, b)).key("ad/dense").save().load(AnnData.class);
      assertThat(outer.varNames()).containsExactly("g1", "g2", "g3", "g4");
      assertThat(outer.x().get(0, 3)).as("g4 is not in a: NaN in dense X").isNaN();
      assertThat(outer.x().get(3, 0)).as("g1 is not in b").isNaN();
      assertThat(outer.x().get(4, 3)).isEqualTo(41);
      assertThat(outer.obs().doubleColumn("n").isMissing(3)).isTrue();
    }
  }

  @Test
  void openOfAnH5adArtifactIsTheLazyAnnDataAccessor() throws Exception {
    Path h5ad = SharedData.formats().resolve("h5ad").resolve("anndata-v0.7.8_adata.h5ad");
    try (LaminDB ln = backend().newInstance(tmp.resolve("open"))) {
      Artifact a = ln.artifact(h5ad).key("ad/open.h5ad").save();
      AnnData full = AnnData.read(h5ad);
      Object o = a.open();
      assertThat(o).isInstanceOf(org.lamindb.formats.AnnDataAccessor.class);
      try (org.lamindb.formats.AnnDataAccessor acc = (org.lamindb.formats.AnnDataAccessor) o) {
        assertThat(acc.nObs()).isEqualTo(full.nObs());
        assertThat(acc.nVars()).isEqualTo(full.varNames().size());
      }
      try (java.io.InputStream in = a.openStream()) {
        assertThat(in.readAllBytes()).hasSize((int) Files.size(h5ad));
      }
    }
  }
}
