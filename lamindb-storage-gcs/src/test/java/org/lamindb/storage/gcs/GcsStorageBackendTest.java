package org.lamindb.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.storage.AbstractStorageBackendTest;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;

/**
 * The shared suite against google-cloud-nio's in-memory {@link LocalStorageHelper} (a fake of the
 * JSON API), one fresh fake and key prefix per test.
 */
class GcsStorageBackendTest extends AbstractStorageBackendTest {

  private static final AtomicInteger RUN = new AtomicInteger();

  @Override
  protected StorageBackend createBackend(Path scratch) {
    Storage storage = LocalStorageHelper.customOptions(false).getService();
    return new GcsStorageBackend(storage, "gs://lamindb-test/run-" + RUN.incrementAndGet());
  }

  @Override
  protected boolean statReportsMd5() {
    return false; // LocalStorageHelper sets neither md5Hash nor etag; hashOf() is unit-tested below
  }

  @Test
  void md5HashAndEtagBecomeLaminDbHashes() {
    // printf 'hello world\n' | openssl md5 -binary | base64 -> b1kCrCNwJL3QwXbLkwY9xA== (GCS
    // md5Hash form)
    assertThat(GcsStorageBackend.hashOf("b1kCrCNwJL3QwXbLkwY9xA==", "CJ+Ux5uZ0IIDEAE="))
        .containsExactly(HELLO_MD5, "md5");
    // an md5 whose base64 has '+' and '/': printf abc | openssl md5 -binary | base64 ->
    // kAFQmDzST7DWlj99KOF/cg==
    assertThat(GcsStorageBackend.hashOf("kAFQmDzST7DWlj99KOF/cg==", null))
        .containsExactly("kAFQmDzST7DWlj99KOF_cg", "md5");
    // composite objects have no md5Hash: hash_string(etag); printf 'CJ+Ux5uZ0IIDEAE=' | openssl md5
    // -binary | b64u -> H8gHr5cIom39ahqyitswmA
    assertThat(GcsStorageBackend.hashOf(null, "CJ+Ux5uZ0IIDEAE="))
        .containsExactly(ETAG_HASH, "md5-etag");
    assertThat(GcsStorageBackend.hashOf(null, null)).containsExactly(null, null);
  }

  @Test
  void rootsAreParsed() throws Exception {
    Storage storage = LocalStorageHelper.customOptions(false).getService();
    try (StorageBackend b = new GcsStorageBackend(storage, "gs://bucket/")) {
      assertThat(b.root()).isEqualTo("gs://bucket");
      assertThat(b.type()).isEqualTo("gs");
      b.upload(local("r", "r"), "k", TransferProgress.NONE);
      assertThat(read(b, "k")).isEqualTo("r");
    }
    assertThatThrownBy(() -> new GcsStorageBackend(storage, "gs://"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> GcsStorageBackend.open("s3://x", Map.of(), Map.of()))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void rangedReadsReturnExactlyTheRange() throws Exception {
    Storage storage = LocalStorageHelper.customOptions(false).getService();
    byte[] data = new byte[3 * (1 << 20) + 17];
    new java.util.Random(7).nextBytes(data);
    Path f = java.nio.file.Files.write(java.nio.file.Files.createTempFile("gcs", ".bin"), data);
    try (StorageBackend b = new GcsStorageBackend(storage, "gs://lamindb-test/ranges")) {
      b.upload(f, "big.bin", TransferProgress.NONE);
      long[][] ranges = {{0, 8}, {1 << 20, 100_000}, {data.length - 8, 8}, {data.length - 3, 50}};
      for (long[] r : ranges) {
        try (var in = b.open("big.bin", r[0], r[1])) {
          int end = (int) Math.min(data.length, r[0] + r[1]);
          assertThat(in.readAllBytes())
              .as("range %s+%s", r[0], r[1])
              .isEqualTo(java.util.Arrays.copyOfRange(data, (int) r[0], end));
        }
      }
      try (var in = b.open("big.bin", data.length + 10, 5)) {
        assertThat(in.readAllBytes()).isEmpty();
      }
      try (var in = b.open("big.bin", 5, 0)) {
        assertThat(in.readAllBytes()).isEmpty();
      }
      assertThatThrownBy(() -> b.open("missing.bin", 0, 1))
          .isInstanceOf(java.nio.file.NoSuchFileException.class);
      assertThatThrownBy(() -> b.open("big.bin", -1, 1))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      java.nio.file.Files.deleteIfExists(f);
    }
  }

  private static String read(StorageBackend b, String key) throws Exception {
    try (var in = b.open(key)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static final String ETAG_HASH = "H8gHr5cIom39ahqyitswmA";
}
