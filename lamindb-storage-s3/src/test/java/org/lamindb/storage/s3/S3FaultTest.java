package org.lamindb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.StorageException;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Artifact;
import org.lamindb.storage.TransferProgress;
import org.lamindb.testing.Backend;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 endpoint that fails mid-upload (connection reset after K bytes, HTTP 500, slow responses),
 * through {@link FaultProxy} in front of S3Proxy: transient faults are retried, persistent ones end
 * in a one-line StorageException naming the key and the cause, with no row and no object or
 * multipart upload left behind.
 */
class S3FaultTest {
  @TempDir Path tmp;
  FaultProxy proxy;
  String prefix;
  S3Client direct;

  @AfterAll
  static void stopS3Proxy() throws Exception {
    S3ProxyFixture.stop();
  }

  @BeforeEach
  void start() throws Exception {
    String endpoint = S3ProxyFixture.endpoint();
    proxy = new FaultProxy(URI.create(endpoint).getPort());
    prefix = "faults-" + System.nanoTime();
    direct =
        S3Clients.build(
            S3Settings.resolve(
                "s3://" + S3ProxyFixture.BUCKET + "/" + prefix + "?endpoint_url=" + endpoint,
                Map.of(),
                Map.of()));
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    direct.close();
  }

  private String rootThroughProxy() {
    return "s3://"
        + S3ProxyFixture.BUCKET
        + "/"
        + prefix
        + "?endpoint_url=http://127.0.0.1:"
        + proxy.port();
  }

  private Path file(String name, int size) throws Exception {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return Files.write(tmp.resolve(name), b);
  }

  private List<String> objects() {
    return direct
        .listObjectsV2(r -> r.bucket(S3ProxyFixture.BUCKET).prefix(prefix + "/"))
        .contents()
        .stream()
        .map(S3Object::key)
        // S3Proxy's filesystem store lists an emptied folder as "<dir>/": not an object
        .filter(k -> !k.endsWith("/"))
        .filter(k -> !k.endsWith("storage_uid.txt") && !k.contains(".lamindb/lamin"))
        .toList();
  }

  private int multipartUploads() {
    return direct
        .listMultipartUploads(r -> r.bucket(S3ProxyFixture.BUCKET).prefix(prefix + "/"))
        .uploads()
        .size();
  }

  @Test
  void transientResetsServerErrorsAndSlowResponsesAreRetriedAndTheSaveSucceeds() throws Exception {
    try (LaminDB ln =
        Backend.setup(tmp).init(Backend.POSTGRES.options(rootThroughProxy(), "s3f"))) {
      proxy.resetAfter(4096);
      proxy.fail(FaultProxy.Fault.RESET, 2);
      Artifact a = ln.artifact(file("a.bin", 200_000)).key("f/a.bin").save();
      assertThat(proxy.faulted()).isEqualTo(2);
      proxy.fail(FaultProxy.Fault.HTTP_500, 2);
      Artifact b = ln.artifact(file("b.bin", 50_000)).key("f/b.bin").save();
      assertThat(proxy.faulted()).isEqualTo(4);
      proxy.fail(FaultProxy.Fault.SLOW, -1);
      Artifact c = ln.artifact(file("c.bin", 30_000)).key("f/c.bin").save();
      proxy.fail(FaultProxy.Fault.NONE, 0);
      for (Artifact x : List.of(a, b, c)) {
        assertThat(Hashing.hashFile(x.cache()).hash()).isEqualTo(x.hash());
      }
      assertThat(ln.artifacts().count()).isEqualTo(3);
    }
  }

  @Test
  void persistentResetsFailWithOneLineNamingKeyAndCauseAndLeaveNothing() throws Exception {
    try (LaminDB ln =
        Backend.setup(tmp).init(Backend.POSTGRES.options(rootThroughProxy(), "s3r"))) {
      proxy.resetAfter(8192);
      proxy.fail(FaultProxy.Fault.RESET, -1);
      Path f = file("r.bin", 300_000);
      assertThatThrownBy(() -> ln.artifact(f).key("f/r.bin").save())
          .isInstanceOf(StorageException.class)
          .satisfies(
              e -> {
                assertThat(e.getMessage()).doesNotContain("\n");
                assertThat(e.getMessage()).contains("S3 upload of", ".lamindb/.lamindb-tmp-");
              });
      assertThat(proxy.faulted()).isGreaterThanOrEqualTo(S3StorageBackend.MAX_ATTEMPTS);
      proxy.fail(FaultProxy.Fault.NONE, 0);
      assertThat(ln.artifacts().count()).isZero();
      assertThat(objects()).isEmpty();
      assertThat(ln.artifact(f).key("f/r.bin").save().hash()).isEqualTo(Hashing.hashFile(f).hash());
    }
  }

  @Test
  void persistentServerErrorsFailClearly() throws Exception {
    try (LaminDB ln =
        Backend.setup(tmp).init(Backend.POSTGRES.options(rootThroughProxy(), "s35"))) {
      proxy.fail(FaultProxy.Fault.HTTP_500, -1);
      Path f = file("e.bin", 20_000);
      assertThatThrownBy(() -> ln.artifact(f).key("f/e.bin").save())
          .isInstanceOf(StorageException.class)
          .satisfies(
              e -> {
                assertThat(e.getMessage()).doesNotContain("\n");
                assertThat(e.getMessage()).contains(".lamindb/.lamindb-tmp-", "500");
              });
      assertThat(proxy.faulted()).isGreaterThanOrEqualTo(S3StorageBackend.MAX_ATTEMPTS);
      proxy.fail(FaultProxy.Fault.NONE, 0);
      assertThat(ln.artifacts().count()).isZero();
      assertThat(objects()).isEmpty();
    }
  }

  @Test
  void aMultipartUploadCutOffMidwayIsAborted() throws Exception {
    Map<String, String> settings =
        Map.of(S3Settings.MULTIPART_THRESHOLD, "5242880", S3Settings.PART_SIZE, "5242880");
    try (S3StorageBackend b = S3StorageBackend.open(rootThroughProxy(), settings, Map.of())) {
      proxy.resetAfter(65_536);
      proxy.fail(FaultProxy.Fault.RESET, -1);
      Path f = file("big.bin", 11 << 20);
      assertThatThrownBy(() -> b.upload(f, ".lamindb/big.bin", TransferProgress.NONE))
          .isInstanceOf(StorageException.class)
          .satisfies(
              e -> {
                assertThat(e.getMessage()).doesNotContain("\n");
                assertThat(e.getMessage()).contains("S3 upload of", ".lamindb/big.bin");
              });
      proxy.fail(FaultProxy.Fault.NONE, 0);
      assertThat(multipartUploads()).as("multipart uploads left").isZero();
      assertThat(objects()).isEmpty();
    }
  }
}
