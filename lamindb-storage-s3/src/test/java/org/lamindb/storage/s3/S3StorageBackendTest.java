package org.lamindb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lamindb.InvalidArgumentException;
import org.lamindb.StorageException;
import org.lamindb.internal.storage.AbstractStorageBackendTest;
import org.lamindb.internal.storage.StorageBackends;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;
import org.lamindb.storage.TransferProgress;

/**
 * The shared suite against S3Proxy running in this JVM on 127.0.0.1 (jclouds filesystem blob store
 * in a temporary folder). Every test gets its own key prefix in one bucket; credentials reach the
 * SDK's default provider chain through its system properties.
 */
class S3StorageBackendTest extends AbstractStorageBackendTest {

  private static final String ACCESS = S3ProxyFixture.ACCESS;
  private static final String SECRET = S3ProxyFixture.SECRET;
  private static final String BUCKET = S3ProxyFixture.BUCKET;
  private static final AtomicInteger RUN = new AtomicInteger();

  private static String endpoint;

  @BeforeAll
  static void startS3Proxy() throws Exception {
    endpoint = S3ProxyFixture.endpoint();
  }

  @AfterAll
  static void stopS3Proxy() throws Exception {
    S3ProxyFixture.stop();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Override
  protected StorageBackend createBackend(Path scratch) {
    return StorageBackends.forRoot(
        "s3://" + BUCKET + "/run-" + RUN.incrementAndGet(),
        Map.of(
            S3Settings.ENDPOINT_URL, endpoint,
            S3Settings.MULTIPART_THRESHOLD, String.valueOf(8L << 20),
            S3Settings.PART_SIZE, String.valueOf(5L << 20)));
  }

  /**
   * S3Proxy's filesystem store writes a PUT into a temporary file {@code <name>-<uuid>} next to the
   * object and deletes it when the client aborts, on its own request thread: right after our client
   * gave up, a listing can still show it. Real S3 never lists an aborted PUT. Wait (at most 10 s)
   * until no such temporary file is listed.
   */
  @Override
  protected List<ObjectStat> listAfterAbortedUpload(String prefix) throws IOException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      List<ObjectStat> l = backend.list(prefix);
      boolean temp = l.stream().anyMatch(o -> JCLOUDS_TEMP.matcher(o.key()).find());
      if (!temp || System.nanoTime() > deadline) {
        return l;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return l;
      }
    }
  }

  private static final java.util.regex.Pattern JCLOUDS_TEMP =
      java.util.regex.Pattern.compile(
          "-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  @Override
  protected Optional<String> childJvmRoot() {
    return Optional.of("s3://" + BUCKET + "/heap-" + RUN.incrementAndGet());
  }

  @Override
  protected List<Map<String, String>> childJvmSettings() {
    return List.of(
        // multipart: a 64 MiB and a 32 MiB part, each larger than half the heap
        Map.of(
            S3Settings.ENDPOINT_URL,
            endpoint,
            S3Settings.MULTIPART_THRESHOLD,
            String.valueOf(8L << 20)),
        // one PUT of the whole 96 MiB file, streamed from disk
        Map.of(
            S3Settings.ENDPOINT_URL,
            endpoint,
            S3Settings.MULTIPART_THRESHOLD,
            String.valueOf(1L << 30)));
  }

  @Override
  protected List<String> childJvmOptions() {
    return List.of("-Daws.accessKeyId=" + ACCESS, "-Daws.secretAccessKey=" + SECRET);
  }

  @Override
  protected boolean statReportsMd5() {
    return true;
  }

  @Test
  void rangedReadsTransferOnlyTheRange() throws IOException {
    Path f = tmp.resolve("local/range.txt");
    java.nio.file.Files.createDirectories(f.getParent());
    java.nio.file.Files.writeString(f, "0123456789");
    backend.upload(f, "range.txt", TransferProgress.NONE);
    try (java.io.InputStream in = backend.open("range.txt", 2, 3)) {
      assertThat(new String(in.readAllBytes())).isEqualTo("234");
    }
    try (java.io.InputStream in = backend.open("range.txt", 8, 100)) {
      assertThat(new String(in.readAllBytes())).isEqualTo("89");
    }
    try (java.io.InputStream in = backend.open("range.txt", 0, 0)) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  @Test
  void largeUploadsUseMultipartAndReportPartCount() throws IOException {
    Path big = patternFile(tmp.resolve("local/mp.bin"), (12L << 20) + 3);
    backend.upload(big, "mp.bin", TransferProgress.NONE);
    ObjectStat stat = backend.stat("mp.bin").orElseThrow();
    assertThat(stat.size()).isEqualTo((12L << 20) + 3);
    // 12 MiB + 3 bytes in 5 MiB parts: 5 + 5 + 2 MiB -> 3 parts
    assertThat(stat.hashType()).isEqualTo("md5-3");
    assertThat(stat.hash()).hasSize(22);
  }

  @Test
  void failedParallelMultipartUploadLeavesNothing() throws IOException {
    Path big = patternFile(tmp.resolve("local/mpfail.bin"), 23L << 20);
    TransferProgress failHalfWay =
        (done, total) -> {
          if (done > total / 2) {
            throw new IllegalStateException("simulated failure at " + done + " of " + total);
          }
        };
    assertThatThrownBy(() -> backend.upload(big, "mpfail.bin", failHalfWay))
        .hasMessageContaining("simulated failure");
    assertThat(backend.stat("mpfail.bin")).isEmpty();
    assertThat(backend.list("")).isEmpty();
    backend.upload(big, "mpfail.bin", TransferProgress.NONE);
    // 23 MiB in 5 MiB parts -> 5 parts, uploaded 4 at a time
    assertThat(backend.stat("mpfail.bin").orElseThrow().hashType()).isEqualTo("md5-5");
    Path down = tmp.resolve("down/mpfail.bin");
    backend.download("mpfail.bin", down, TransferProgress.NONE);
    assertThat(Files.mismatch(big, down)).isEqualTo(-1L);
  }

  @Test
  void rootsSettingsAndEnvironment() {
    S3Settings s =
        S3Settings.resolve(
            "s3://b/p/q/?endpoint_url=http%3A%2F%2Flocalhost%3A9000", Map.of(), Map.of());
    assertThat(s.bucket()).isEqualTo("b");
    assertThat(s.prefix()).isEqualTo("p/q");
    assertThat(s.root()).isEqualTo("s3://b/p/q");
    assertThat(s.endpoint()).isEqualTo(URI.create("http://localhost:9000"));
    assertThat(s.region()).isEqualTo("us-east-1");

    S3Settings env =
        S3Settings.resolve(
            "s3://b", Map.of("region", "eu-west-3"), Map.of("AWS_ENDPOINT_URL", "http://env:1"));
    assertThat(env.endpoint()).isEqualTo(URI.create("http://env:1"));
    assertThat(env.region()).isEqualTo("eu-west-3");
    assertThat(env.prefix()).isEmpty();

    S3Settings aws =
        S3Settings.resolve("s3://b", Map.of(), Map.of("AWS_DEFAULT_REGION", "ap-south-1"));
    assertThat(aws.endpoint()).isNull();
    assertThat(aws.region()).isEqualTo("ap-south-1");
    assertThat(aws.multipartThreshold()).isEqualTo(64L << 20);
    assertThat(aws.concurrency()).isEqualTo(4);
    assertThat(S3Settings.resolve("s3://b", Map.of("max_concurrency", "1"), Map.of()).concurrency())
        .isEqualTo(1);
    // 1 TiB in at most 10,000 parts needs parts of at least 109,951,163 bytes
    assertThat(aws.partSizeFor(1L << 40)).isEqualTo(109_951_163L);

    assertThatThrownBy(() -> S3Settings.resolve("s3:///x", Map.of(), Map.of()))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> S3Settings.resolve("s3://b", Map.of("part_size", "big"), Map.of()))
        .hasMessageContaining("part_size");
  }

  @Test
  void etagsBecomeLaminDbHashes() {
    // echo 9b89c8c1acf79dba5b5341d1fff9806f | xxd -r -p | b64u -> m4nIwaz3nbpbU0HR__mAbw (spec
    // vector)
    assertThat(S3StorageBackend.hashFromETag("\"9b89c8c1acf79dba5b5341d1fff9806f\""))
        .containsExactly("m4nIwaz3nbpbU0HR__mAbw", "md5");
    assertThat(S3StorageBackend.hashFromETag("\"9b89c8c1acf79dba5b5341d1fff9806f-2\""))
        .containsExactly("m4nIwaz3nbpbU0HR__mAbw", "md5-2");
    assertThat(S3StorageBackend.hashFromETag("W/\"opaque\"")).containsExactly(null, null);
    assertThat(S3StorageBackend.hashFromETag(null)).containsExactly(null, null);
  }

  @Test
  void bucketRootWithoutPrefixAndMissingBucket() throws IOException {
    try (StorageBackend bare =
        StorageBackends.forRoot("s3://" + BUCKET + "?endpoint_url=" + endpoint, Map.of())) {
      assertThat(bare.root()).isEqualTo("s3://" + BUCKET);
      bare.upload(local("bare.txt", "hello world\n"), "bare-root/x.txt", TransferProgress.NONE);
      assertThat(bare.stat("bare-root/x.txt").orElseThrow().hash()).isEqualTo(HELLO_MD5);
      bare.delete("bare-root");
      assertThat(bare.list("bare-root")).isEmpty();
    }
    try (StorageBackend missing =
        StorageBackends.forRoot("s3://no-such-bucket", Map.of(S3Settings.ENDPOINT_URL, endpoint))) {
      assertThatThrownBy(() -> missing.upload(local("m", "m"), "m", TransferProgress.NONE))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("s3://no-such-bucket/m");
    }
  }
}
