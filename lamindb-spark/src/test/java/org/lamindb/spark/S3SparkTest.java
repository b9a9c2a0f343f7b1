package org.lamindb.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lamindb.model.Artifact;
import org.lamindb.model.Run;
import org.lamindb.testing.Backend;

/**
 * The lamindb source over an instance whose default storage is S3 (S3Proxy in-process, PostgreSQL
 * metadata), without hadoop-aws: footers are read by ranged GETs, only selected files are staged
 * through LaminDB's storage layer, nothing is listed; write-back lands in the S3 storage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3SparkTest {
  CountingS3 s3;
  CollectionFixture fx;
  SparkSession spark;

  @BeforeAll
  void setUp() throws Exception {
    s3 = new CountingS3();
    fx = new CollectionFixture(Backend.POSTGRES, s3.newRoot("spark"));
    spark = SharedSpark.get();
  }

  @AfterAll
  void tearDown() throws Exception {
    fx.close();
    s3.close();
  }

  private Dataset<Row> collection() {
    return spark
        .read()
        .format("lamindb")
        .option("instance", fx.ln.slug())
        .option("collection", "spark/coll")
        .load();
  }

  private Set<String> uids(int... indexes) {
    Set<String> out = new java.util.HashSet<>();
    for (int i : indexes) {
      out.add(fx.artifacts.get(i).uid());
    }
    return out;
  }

  /** The artifact uids named by the GETs recorded since the last clear. */
  private Set<String> uidsFetched() {
    Set<String> all = uids(0, 1, 2, 3, 4, 5);
    return s3.calls.stream()
        .filter(c -> c.method().equals("getBlob"))
        .map(c -> all.stream().filter(u -> c.name().contains(u)).findFirst().orElse(c.name()))
        .collect(Collectors.toSet());
  }

  @Test
  void readsS3MembersByRangedFootersAndStagesOnlySelectedFilesWithoutListing() {
    assertThat(fx.artifacts.get(0).path()).startsWith("s3://");
    assertThat(ScanFiles.hasS3a()).as("this test runs the staged path").isFalse();
    SchemaUnion.clearCache(fx.ln);
    s3.calls.clear();
    Dataset<Row> df = collection();
    assertThat(df.schema().fieldNames())
        .containsExactly("id", "score", "grp", "artifact_uid", "gc_content");
    // the schema union reads each member's footer with one ranged GET; nothing listed or staged
    assertThat(s3.count("list")).isZero();
    assertThat(s3.count("getBlob")).isEqualTo(CollectionFixture.N);
    assertThat(uidsFetched()).isEqualTo(uids(0, 1, 2, 3, 4, 5));

    s3.calls.clear();
    long opened = LaminSpark.filesOpened();
    Row r = df.filter("gc_content > 0.3").agg(count("*"), sum("score")).first();
    assertThat(LaminSpark.lastScan().pruned()).isEqualTo(3);
    assertThat(LaminSpark.filesOpened() - opened).isEqualTo(3);
    assertThat(s3.count("list")).as("no LIST at planning or scan").isZero();
    assertThat(uidsFetched()).as("only the selected files are fetched").isEqualTo(uids(3, 4, 5));
    List<Object> duck =
        Parquets.query("SELECT count(*), sum(score) FROM $files", fx.files(3, 4, 5));
    assertThat(r.getLong(0)).isEqualTo(((Number) duck.get(0)).longValue());
    assertThat(r.getDouble(1)).isEqualTo(((Number) duck.get(1)).doubleValue());

    Row all = df.agg(count("*"), sum("score")).first();
    List<Object> duckAll = Parquets.query("SELECT count(*), sum(score) FROM $files", fx.files);
    assertThat(all.getLong(0)).isEqualTo(((Number) duckAll.get(0)).longValue());
    assertThat(all.getDouble(1)).isEqualTo(((Number) duckAll.get(1)).doubleValue());
  }

  @Test
  void writesBackIntoTheS3DefaultStorageWithLineage() throws Exception {
    LaminSpark.clearInputs(fx.ln);
    Dataset<Row> scores =
        collection().filter("gc_content < 0.3").groupBy("grp").agg(sum("score").as("total"));
    Path temp = fx.tmp.resolve("spark-temp-s3");
    scores
        .write()
        .format("lamindb")
        .option("instance", fx.ln.slug())
        .option("key", "results/s3-scores.parquet")
        .option("temp_dir", temp.toString())
        .save();
    Artifact out = fx.ln.artifacts().get("key", "results/s3-scores.parquet");
    assertThat(out.path()).startsWith("s3://");
    assertThat(out.nFiles()).isGreaterThanOrEqualTo(1L);
    Run run = out.run();
    assertThat(run.inputArtifacts())
        .extracting(Artifact::uid)
        .containsExactlyInAnyOrderElementsOf(uids(0, 1, 2));
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
    double total =
        spark
            .read()
            .format("lamindb")
            .option("instance", fx.ln.slug())
            .option("artifacts", "key=results/s3-scores.parquet")
            .load()
            .agg(sum("total"))
            .first()
            .getDouble(0);
    List<Object> duck = Parquets.query("SELECT sum(score) FROM $files", fx.files(0, 1, 2));
    assertThat(total).isEqualTo(((Number) duck.get(0)).doubleValue());
  }
}
