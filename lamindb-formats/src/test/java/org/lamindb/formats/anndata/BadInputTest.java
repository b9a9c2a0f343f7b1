package org.lamindb.formats.anndata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lamindb.LaminException;
import org.lamindb.StorageException;
import org.lamindb.ValidationException;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;

/**
 * Truncated and corrupted copies of every shared .h5ad and zarr store, wrong suffixes and huge
 * declared sizes: each must end in a {@link LaminException} naming the file (or, for harmless
 * corruption, a normal read), never another exception, an OutOfMemoryError or a hang.
 */
// a hang guard, not a performance check: a corrupt file must never make a reader loop forever
@org.junit.jupiter.api.Timeout(value = 300)
class BadInputTest {
  @TempDir Path dir;

  static Stream<String> h5adFiles() throws IOException {
    return SharedData.h5adFeatures().keySet().stream().filter(f -> f.endsWith(".h5ad"));
  }

  /** Reads fully and lazily; only LaminExceptions may escape. */
  private void readOrReject(Path p) {
    try {
      AnnData a = AnnData.read(p);
      assertThat(a.nObs()).isGreaterThanOrEqualTo(0);
    } catch (LaminException e) {
      assertThat(e.getMessage()).contains(p.getFileName().toString());
    }
    try (AnnDataAccessor acc = AnnData.open(p)) {
      long[] shape = acc.shape();
      acc.obsColumns();
      if (acc.xEncoding() != null && shape[0] > 0) {
        acc.xRows(0, Math.min(shape[0], 5));
      }
    } catch (LaminException e) {
      assertThat(e.getMessage()).contains(p.getFileName().toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("h5adFiles")
  void truncatedCopiesAreRejected(String file) throws IOException {
    byte[] bytes = Files.readAllBytes(SharedData.formats().resolve("h5ad").resolve(file));
    for (double frac : new double[] {0.0005, 0.01, 0.3, 0.7, 0.97}) {
      Path p = dir.resolve("t" + (int) (frac * 10000) + "_" + file);
      Files.write(p, java.util.Arrays.copyOf(bytes, (int) (bytes.length * frac)));
      if (frac < 0.3) {
        // the root group's metadata is gone: nothing can be read
        assertThatThrownBy(() -> AnnData.read(p))
            .isInstanceOf(LaminException.class)
            .hasMessageContaining(p.getFileName().toString());
      }
      readOrReject(p);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("h5adFiles")
  void corruptedCopiesReadOrAreRejected(String file) throws IOException {
    byte[] bytes = Files.readAllBytes(SharedData.formats().resolve("h5ad").resolve(file));
    Random random = new Random(file.hashCode());
    for (int trial = 0; trial < 6; trial++) {
      byte[] copy = bytes.clone();
      int at = random.nextInt(copy.length - 64);
      for (int k = 0; k < 32; k++) {
        copy[at + k] = (byte) random.nextInt(256);
      }
      Path p = dir.resolve("c" + trial + "_" + file);
      Files.write(p, copy);
      readOrReject(p);
    }
  }

  @Test
  void corruptedZarrChunksAndMetadata() throws IOException {
    Path src = SharedData.formats().resolve("zarr/anndataR_example.zarr");
    Path store = dir.resolve("copy.zarr");
    copyTree(src, store);
    List<Path> chunks = new ArrayList<>();
    try (Stream<Path> s = Files.walk(store)) {
      s.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().matches("\\d+"))
          .forEach(chunks::add);
    }
    Random random = new Random(7);
    for (int i = 0; i < chunks.size(); i += 3) {
      byte[] b = Files.readAllBytes(chunks.get(i));
      if (i % 2 == 0) {
        Files.write(chunks.get(i), java.util.Arrays.copyOf(b, b.length / 2));
      } else {
        b[random.nextInt(b.length)] ^= (byte) 0xff;
        b[Math.min(b.length - 1, 20)] ^= (byte) 0x5a;
        Files.write(chunks.get(i), b);
      }
    }
    assertThatThrownBy(() -> AnnData.read(store))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("copy.zarr");
    readOrReject(store);
    Files.writeString(store.resolve("obs/.zattrs"), "{ not json");
    assertThatThrownBy(() -> AnnData.read(store))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("obs");
  }

  @Test
  void wrongSuffixForContent() throws IOException {
    Path parquetAsH5ad = dir.resolve("table.h5ad");
    try (Stream<Path> s = Files.list(SharedData.formats().resolve("parquet"))) {
      Files.copy(
          s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(),
          parquetAsH5ad);
    }
    assertThatThrownBy(() -> AnnData.read(parquetAsH5ad))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("table.h5ad")
        .hasMessageContaining("not an HDF5 file");
    Path h5adAsZarr = dir.resolve("cells.zarr");
    Files.copy(SharedData.formats().resolve("h5ad/cellxgene_example_valid.h5ad"), h5adAsZarr);
    assertThatThrownBy(() -> AnnData.read(h5adAsZarr))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cells.zarr");
    Path plainHdf5 = SharedData.formats().resolve("hdf5/test_string_datasets_latest.hdf5");
    Path asH5ad = dir.resolve("strings.h5ad");
    Files.copy(plainHdf5, asH5ad);
    assertThatThrownBy(() -> AnnData.read(asH5ad))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not an AnnData");
    assertThatThrownBy(() -> AnnData.read(dir.resolve("missing.h5ad")))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void hugeDeclaredZarrShapeFailsBeforeAllocating() throws IOException {
    Path store = dir.resolve("huge.zarr");
    AnnData small =
        new AnnData(null, AnnDataSupport.index("obs", 3), AnnDataSupport.index("var", 2));
    small.layers().put("big", DenseMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
    small.writeZarr(store, 2);
    Path meta = store.resolve("layers/big/.zarray");
    Files.writeString(
        meta,
        Files.readString(meta)
            .replaceFirst("\"shape\" : \\[ 3, 2 \\]", "\"shape\" : [ 3, 200000000000 ]"));
    assertThat(Files.readString(meta)).contains("200000000000");
    assertThatThrownBy(() -> AnnData.read(store))
        .isInstanceOf(LaminException.class)
        .hasMessageContaining("huge.zarr");
    Files.writeString(
        meta,
        Files.readString(meta)
            .replace("200000000000", "2")
            .replaceFirst("\"chunks\" : \\[ 3, 2 \\]", "\"chunks\" : [ 3000000000, 2 ]"));
    assertThatThrownBy(() -> AnnData.read(store))
        .isInstanceOf(LaminException.class)
        .hasMessageContaining("huge.zarr");
  }

  @Test
  void hugeDeclaredHdf5DimensionsFailBeforeAllocating() throws IOException {
    // a contiguous dataset whose dataspace claims far more rows than the file holds
    Path p = dir.resolve("huge.h5ad");
    int rows = 123457;
    AnnData a = new AnnData(null, AnnDataSupport.index("obs", 1), AnnDataSupport.index("var", 1));
    a.uns().put("v", new byte[rows]);
    a.writeH5ad(p);
    byte[] b = Files.readAllBytes(p);
    byte[] needle =
        java.nio.ByteBuffer.allocate(8)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .putLong(rows)
            .array();
    byte[] huge =
        java.nio.ByteBuffer.allocate(8)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .putLong(1L << 40)
            .array();
    int patched = 0;
    for (int i = 0; i + 8 <= b.length; i++) {
      if (java.util.Arrays.equals(b, i, i + 8, needle, 0, 8)) {
        System.arraycopy(huge, 0, b, i, 8);
        patched++;
      }
    }
    assertThat(patched).isPositive();
    Files.write(p, b);
    assertThatThrownBy(() -> AnnData.read(p))
        .isInstanceOf(LaminException.class)
        .hasMessageContaining("huge.h5ad");
    readOrReject(p);
  }

  @Test
  void inconsistentSparseShapeIsAValidationError() throws IOException {
    Path store = dir.resolve("sparse.zarr");
    Samples.everyKind().writeZarr(store, 3);
    Path meta = store.resolve("X/zarr.json");
    Files.writeString(
        meta,
        Files.readString(meta)
            .replaceFirst("\"shape\" : \\[ 4, 3 \\]", "\"shape\" : [ 400000, 3 ]"));
    assertThatThrownBy(() -> AnnData.read(store))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("X");
  }

  private static void copyTree(Path src, Path dst) throws IOException {
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
          t.toFile().setWritable(true);
        }
      }
    }
  }
}
