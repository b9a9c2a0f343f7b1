package org.lamindb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.CatalogEntry;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.NotFoundException;
import org.lamindb.internal.storage.StorageBackends;
import org.lamindb.model.Artifact;
import org.lamindb.storage.StorageBackend;

/**
 * Issue 20: an instance catalog in a bucket prefix (S3Proxy). The owner publishes, a member with an
 * empty {@code LAMIN_HOME} lists the catalog and opens the instance by name.
 */
class S3CatalogTest {
  @TempDir Path tmp;

  @AfterAll
  static void stop() throws Exception {
    S3ProxyFixture.stop();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  void publishToABucketAndOpenFromAnEmptyHome() throws Exception {
    String endpoint = S3ProxyFixture.endpoint();
    String catalog = "s3://" + S3ProxyFixture.BUCKET + "/catalog?endpoint_url=" + endpoint;
    LaminSetup owner =
        LaminSetup.at(
            tmp.resolve("home"),
            Map.of("LAMIN_CATALOG", catalog, "LAMIN_CACHE_DIR", tmp.resolve("c1").toString()));
    owner.login("alice");
    String uid;
    try (LaminDB ln =
        owner.init(org.lamindb.InitOptions.storage(tmp.resolve("atlas").toString()))) {
      Artifact a =
          ln.artifact(Files.writeString(tmp.resolve("a.txt"), "alpha")).key("a.txt").save();
      uid = a.uid();
    }
    CatalogEntry e = owner.publish("alice/atlas");
    assertThat(e.slug()).isEqualTo("alice/atlas");
    try (StorageBackend b =
            StorageBackends.forRoot(
                "s3://" + S3ProxyFixture.BUCKET + "/catalog?endpoint_url=" + endpoint, Map.of());
        InputStream in = b.open("alice/atlas.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"owner\" : \"alice\"").doesNotContain(S3ProxyFixture.SECRET);
    }
    LaminSetup bob =
        LaminSetup.at(
            tmp.resolve("bob"),
            Map.of("LAMIN_CATALOG", catalog, "LAMIN_CACHE_DIR", tmp.resolve("c2").toString()));
    assertThat(bob.catalogInstances())
        .extracting(CatalogEntry::slug)
        .containsExactly("alice/atlas");
    try (LaminDB db = bob.db("alice/atlas")) {
      assertThat(db.artifacts().get(uid).key()).isEqualTo("a.txt");
    }
    assertThatThrownBy(() -> bob.db("alice/atlsa"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("did you mean alice/atlas?");
  }
}
