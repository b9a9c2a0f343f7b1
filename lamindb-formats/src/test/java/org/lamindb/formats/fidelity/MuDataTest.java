package org.lamindb.formats.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.MuData;
import org.lamindb.model.Artifact;
import org.lamindb.testing.Backend;

/** MuData files ({@code .h5mu}) and stores ({@code .zarr} with {@code mod/}) as artifacts. */
class MuDataTest {
  @TempDir Path tmp;
  LaminDB ln;

  @BeforeEach
  void open() {
    ln = Backend.SQLITE.newInstance(tmp.resolve("instance"));
  }

  @AfterEach
  void close() {
    ln.close();
  }

  private Path copy(String name) throws Exception {
    Path src = Fixtures.get(name);
    Path dst = tmp.resolve(name);
    try (var files = Files.walk(src)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return dst;
  }

  @ParameterizedTest
  @ValueSource(strings = {"small.h5mu", "small-mudata.zarr"})
  void savedAsMuDataDescribedWithModalitiesAndLoadedByModality(String name) throws Exception {
    Artifact a = ln.artifact(copy(name)).key("mdata/" + name).save();
    assertThat(a.otype()).isEqualTo("MuData");
    assertThat(a.nObservations()).isEqualTo(4L);
    String text = a.describeText();
    assertThat(text).contains("MuData 4 x 5").contains("rna: 4 x 3").contains("atac: 4 x 2");
    MuData m = ln.artifacts().get("key", "mdata/" + name).load(MuData.class);
    assertThat(m.modalities()).containsExactly("rna", "atac");
    AnnData rna = m.mod("rna");
    assertThat(rna.shape()).containsExactly(4, 3);
    assertThat(rna.obs().stringColumn("ct").asList()).containsExactly("B", "T", "B", "T");
    assertThat(rna.x().get(3, 2)).isEqualTo(11.0);
    assertThat(m.mod("atac").varNames()).containsExactly("p0", "p1");
    assertThat(m.shape()).containsExactly(4, 5);
    assertThat(m.obsNames()).containsExactly("c0", "c1", "c2", "c3");
    assertThatThrownBy(() -> m.mod("prot"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("prot")
        .hasMessageContaining("rna, atac");
    assertThat(ln.artifacts().get("key", "mdata/" + name).load()).isInstanceOf(MuData.class);
  }

  @Test
  void sharedMuDataFileIsRegisteredAsMuData() throws Exception {
    Path shared = sharedH5mu();
    MuData m = MuData.read(shared);
    assertThat(m.modalities()).containsExactly("mod2", "mod1");
    assertThat(m.mod("mod1").nObs()).isEqualTo(100);
    Artifact a = ln.artifact(shared).key("shared.h5mu").save();
    assertThat(a.otype()).isEqualTo("MuData");
    assertThat(a.load(MuData.class).mod("mod2").nObs()).isEqualTo(100);
  }

  private static Path sharedH5mu() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path c = p.resolve("../shared/data/formats/h5ad/mudata-v0.4.1_mdata_axis0.h5mu").normalize();
      if (Files.exists(c)) {
        return c;
      }
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(false, "shared data not found");
    return null;
  }
}
