package org.lamindb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.SparseMatrix;
import org.lamindb.internal.storage.StorageBackends;
import org.lamindb.ml.Batch;
import org.lamindb.ml.BatchOptions;
import org.lamindb.ml.MappedCollection;
import org.lamindb.ml.MappedOptions;
import org.lamindb.ml.MappedSource;
import org.lamindb.storage.ObjectPaths;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code MappedCollection} over AnnData files in S3 (the in-process S3Proxy), read in place through
 * {@link ObjectPaths}: rows equal those read from the local copy, and a small batch fetches far
 * fewer bytes than the file holds (no full-file cache).
 */
class MappedS3Test {
  private static final AtomicInteger RUN = new AtomicInteger();
  private static String endpoint;

  @BeforeAll
  static void start() throws Exception {
    endpoint = S3ProxyFixture.endpoint();
  }

  @AfterAll
  static void stop() throws Exception {
    S3ProxyFixture.stop();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  static StorageBackend backend() {
    return StorageBackends.forRoot(
        "s3://" + S3ProxyFixture.BUCKET + "/ml-" + RUN.incrementAndGet(),
        Map.of(S3Settings.ENDPOINT_URL, endpoint));
  }

  /**
   * 20000 cells x 1000 genes, 5 % stored, values from a seeded generator: 4 MiB per stored array,
   * several zarr chunks of 1 MiB each.
   */
  static AnnData fixture() {
    int rows = 20000;
    int genes = 1000;
    int perRow = 50;
    SplittableRandom rnd = new SplittableRandom(7);
    float[] data = new float[rows * perRow];
    int[] idx = new int[data.length];
    long[] ptr = new long[rows + 1];
    for (int r = 0, k = 0; r < rows; r++) {
      int off = rnd.nextInt(genes / perRow);
      for (int j = 0; j < perRow; j++, k++) {
        idx[k] = j * (genes / perRow) + off;
        data[k] = 1 + rnd.nextInt(100);
      }
      ptr[r + 1] = (long) (r + 1) * perRow;
    }
    StringColumn index = StringColumn.create("_index");
    StringColumn ct = StringColumn.create("cell_type");
    for (int r = 0; r < rows; r++) {
      index.append("c" + r);
      ct.append("t" + (r % 7));
    }
    StringColumn var = StringColumn.create("_index");
    for (int g = 0; g < genes; g++) {
      var.append("g" + g);
    }
    return new AnnData(
        new SparseMatrix(SparseMatrix.Format.CSR, data, DType.FLOAT32, idx, ptr, rows, genes),
        Table.create("obs", index, ct),
        Table.create("var", var));
  }

  static long upload(StorageBackend b, Path local, String key) throws Exception {
    if (!Files.isDirectory(local)) {
      b.upload(local, key, TransferProgress.NONE);
      return Files.size(local);
    }
    long total = 0;
    try (Stream<Path> walk = Files.walk(local)) {
      for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        b.upload(
            f,
            key + "/" + local.relativize(f).toString().replace('\\', '/'),
            TransferProgress.NONE);
        total += Files.size(f);
      }
    }
    return total;
  }

  static List<String> firstBatch(MappedCollection mc) {
    Batch b =
        mc.batches(
                BatchOptions.builder()
                    .batchSize(64)
                    .chunkSize(64)
                    .preloadChunks(1)
                    .prefetch(0)
                    .shuffle(3)
                    .build())
            .iterator()
            .next();
    List<String> out = new ArrayList<>();
    for (int k = 0; k < b.size(); k++) {
      out.add(b.rowIds().get(k) + "=" + Arrays.toString(b.x().denseRow(k)) + b.obs("cell_type")[k]);
    }
    return out;
  }

  void readsInPlaceWithRangedRequests(String name, boolean zarr, @TempDir Path tmp)
      throws Exception {
    Path local = tmp.resolve(name);
    if (zarr) {
      fixture().writeZarr(local, 3);
    } else {
      fixture().writeH5ad(local);
    }
    StorageBackend b = backend();
    long size = upload(b, local, "atlas/" + name);
    Path remote = ObjectPaths.of(b, "atlas/" + name);
    MappedOptions o = MappedOptions.builder().obsKeys("cell_type").build();
    List<String> expected;
    List<String> rowFromLocal;
    try (MappedCollection mc = MappedCollection.open(List.of(new MappedSource("u", local)), o)) {
      expected = firstBatch(mc);
      rowFromLocal = List.of(Arrays.toString(mc.get(19999).x().denseRow(0)));
    }
    try (MappedCollection mc = MappedCollection.open(List.of(new MappedSource("u", remote)), o)) {
      assertThat(mc.shape()).containsExactly(20000, 1000);
      assertThat(firstBatch(mc)).isEqualTo(expected);
      long fetched = ObjectPaths.bytesFetched(remote);
      assertThat(fetched).isPositive();
      System.out.printf("%s: %d bytes fetched for one batch, %d stored%n", name, fetched, size);
      // metadata, obs and var, then one 64-row chunk: a small part of the stored bytes
      assertThat(fetched).as("bytes fetched of %d stored", size).isLessThan(size / 3);
      assertThat(List.of(Arrays.toString(mc.get(19999).x().denseRow(0)))).isEqualTo(rowFromLocal);
    }
  }

  @Test
  void h5adInS3IsReadByRangedRequestsNotCopied(@TempDir Path tmp) throws Exception {
    readsInPlaceWithRangedRequests("part.h5ad", false, tmp);
  }

  @Test
  void zarrInS3IsReadChunkByChunkNotCopied(@TempDir Path tmp) throws Exception {
    readsInPlaceWithRangedRequests("part.zarr", true, tmp);
  }

  /** A real file written by anndata (shared data): every row read from S3 equals the local row. */
  @Test
  void realH5adFromS3GivesTheLocalRows() throws Exception {
    Path p = null;
    for (Path d = Path.of("").toAbsolutePath(); d != null && p == null; d = d.getParent()) {
      Path c = d.resolve("../shared/data/formats/h5ad/anndataR_example.h5ad").normalize();
      p = Files.exists(c) ? c : null;
    }
    assumeTrue(p != null, "shared test data not found (../shared/data/formats/h5ad)");
    StorageBackend b = backend();
    upload(b, p, "real/anndataR_example.h5ad");
    Path remote = ObjectPaths.of(b, "real/anndataR_example.h5ad");
    for (String layer : List.of("counts", "dense_counts")) {
      MappedOptions o = MappedOptions.builder().layer(layer).obsKeys("leiden").build();
      try (MappedCollection l = MappedCollection.open(List.of(new MappedSource("a", p)), o);
          MappedCollection r = MappedCollection.open(List.of(new MappedSource("a", remote)), o)) {
        assertThat(r.shape()).containsExactly(l.shape());
        assertThat(r.labels("leiden")).isEqualTo(l.labels("leiden"));
        for (long i = 0; i < l.size(); i++) {
          assertThat(r.get(i).x().denseRow(0)).containsExactly(l.get(i).x().denseRow(0));
        }
      }
    }
  }

  /**
   * {@code collection.mapped()} of an instance whose storage is S3 (PostgreSQL: an instance on S3
   * storage needs one): the members are read in place, the rows equal the local files' rows, and
   * nothing is cached.
   */
  @Test
  void collectionInS3IsMappedWithoutCaching(@TempDir Path tmp) throws Exception {
    org.lamindb.testing.Backend backend = org.lamindb.testing.Backend.POSTGRES;
    Path h5ad = tmp.resolve("files/part.h5ad");
    Path zarr = tmp.resolve("files/part.zarr");
    Files.createDirectories(h5ad.getParent());
    fixture().writeH5ad(h5ad);
    fixture().writeZarr(zarr, 3);
    MappedOptions o = MappedOptions.builder().obsKeys("cell_type").build();
    String root =
        "s3://"
            + S3ProxyFixture.BUCKET
            + "/coll-"
            + RUN.incrementAndGet()
            + "?endpoint_url="
            + endpoint;
    try (org.lamindb.LaminDB ln =
        org.lamindb.testing.Backend.setup(tmp.resolve("s3")).init(backend.options(root, "mls3"))) {
      List<org.lamindb.model.Artifact> members = new ArrayList<>();
      for (Path p : List.of(h5ad, zarr)) {
        members.add(ln.artifact(p).key("atlas/" + p.getFileName()).save());
      }
      org.lamindb.model.Collection c = ln.collection(members).key("atlas").save();
      Path cache = tmp.resolve("s3/cache");
      deleteTree(cache);
      try (MappedCollection local =
              MappedCollection.open(
                  List.of(new MappedSource("a", h5ad), new MappedSource("b", zarr)), o);
          MappedCollection mc = c.mapped(o)) {
        assertThat(mc.shape()).containsExactly(40000, 1000);
        for (long i = 0; i < mc.size(); i += 997) {
          assertThat(mc.get(i).x().denseRow(0)).containsExactly(local.get(i).x().denseRow(0));
          assertThat(mc.get(i).obs("cell_type")).isEqualTo(local.get(i).obs("cell_type"));
        }
        assertThat(firstBatch(mc)).hasSize(64);
      }
      assertThat(countFiles(cache)).as("files cached under %s", cache).isZero();
    }
  }

  static long countFiles(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
