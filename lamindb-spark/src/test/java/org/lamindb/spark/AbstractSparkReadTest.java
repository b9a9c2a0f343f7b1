package org.lamindb.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lamindb.ValidationException;
import org.lamindb.model.Artifact;
import org.lamindb.testing.Backend;

/** Reads collections and artifact selections with Spark; answers checked against DuckDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSparkReadTest {
  abstract Backend backend();

  CollectionFixture fx;
  SparkSession spark;

  @BeforeAll
  void setUp() throws Exception {
    fx = new CollectionFixture(backend());
    spark = SharedSpark.get();
  }

  @AfterAll
  void tearDown() {
    fx.close();
  }

  private Dataset<Row> collection() {
    return spark
        .read()
        .format("lamindb")
        .option("instance", fx.ln.slug())
        .option("collection", "spark/coll")
        .load();
  }

  @Test
  void collectionReadsAsOneDataFrameWithArtifactUid() {
    Dataset<Row> df = collection();
    assertThat(df.schema().fieldNames())
        .containsExactly("id", "score", "grp", "artifact_uid", "gc_content");
    Row r =
        df.agg(
                org.apache.spark.sql.functions.count("*"),
                org.apache.spark.sql.functions.sum("score"))
            .first();
    List<Object> duck = Parquets.query("SELECT count(*), sum(score) FROM $files", fx.files);
    assertThat(r.getLong(0)).isEqualTo(((Number) duck.get(0)).longValue()).isEqualTo(600L);
    assertThat(r.getDouble(1)).isEqualTo(((Number) duck.get(1)).doubleValue());
    assertThat(df.select("artifact_uid").distinct().count()).isEqualTo(CollectionFixture.N);
    Artifact third = fx.artifacts.get(3);
    assertThat(df.filter(col("id").equalTo(3005)).select("artifact_uid", "gc_content").first())
        .satisfies(
            row -> {
              assertThat(row.getString(0)).isEqualTo(third.uid());
              assertThat(row.getDouble(1))
                  .isEqualTo(0.35, org.assertj.core.api.Assertions.within(1e-9));
            });
  }

  @Test
  void footerSchemasArePersistedInTheCacheForLaterDrivers() {
    SchemaUnion.clearCache(fx.ln);
    long first = LaminSpark.footersRead();
    assertThat(collection().schema().fieldNames()).contains("id", "score", "grp");
    assertThat(LaminSpark.footersRead() - first).isEqualTo(CollectionFixture.N);
    SchemaUnion.clearCache(); // as a new driver: nothing in memory, the cache dir kept
    long second = LaminSpark.footersRead();
    assertThat(collection().schema().fieldNames())
        .containsExactly("id", "score", "grp", "artifact_uid", "gc_content");
    assertThat(LaminSpark.footersRead() - second).isZero();
  }

  @Test
  void artifactUidFilterIsPrunedInTheRegistryAndOpensOneFile() {
    Artifact two = fx.artifacts.get(2);
    long before = LaminSpark.filesOpened();
    Dataset<Row> df = collection().filter(col("artifact_uid").equalTo(two.uid()));
    Row r =
        df.agg(
                org.apache.spark.sql.functions.count("*"),
                org.apache.spark.sql.functions.sum("score"))
            .first();
    ScanReport rep = LaminSpark.lastScan();
    assertThat(rep.candidates()).isEqualTo(6);
    assertThat(rep.selected()).isEqualTo(1);
    assertThat(rep.pruned()).isEqualTo(5);
    assertThat(rep.registryFilters()).hasSize(1);
    assertThat(LaminSpark.filesOpened() - before).isEqualTo(1);
    List<Object> duck = Parquets.query("SELECT count(*), sum(score) FROM $files", fx.files(2));
    assertThat(r.getLong(0)).isEqualTo(((Number) duck.get(0)).longValue());
    assertThat(r.getDouble(1)).isEqualTo(((Number) duck.get(1)).doubleValue());
  }

  @Test
  void featureFilterIsPrunedInTheRegistry() {
    long before = LaminSpark.filesOpened();
    Dataset<Row> df = collection().filter("gc_content > 0.3");
    Row r =
        df.agg(
                org.apache.spark.sql.functions.count("*"),
                org.apache.spark.sql.functions.sum("score"))
            .first();
    ScanReport rep = LaminSpark.lastScan();
    assertThat(rep.selected()).isEqualTo(3);
    assertThat(rep.pruned()).isEqualTo(3);
    assertThat(rep.registryFilters()).anySatisfy(f -> assertThat(f).contains("gc_content"));
    assertThat(LaminSpark.filesOpened() - before).isEqualTo(3);
    List<Object> duck =
        Parquets.query("SELECT count(*), sum(score) FROM $files", fx.files(3, 4, 5));
    assertThat(r.getLong(0)).isEqualTo(((Number) duck.get(0)).longValue());
    assertThat(r.getDouble(1)).isEqualTo(((Number) duck.get(1)).doubleValue());
  }

  @Test
  void rowFiltersGoToTheParquetReaderAndMatchDuckDb() {
    Dataset<Row> df = collection().filter("id >= 2050 AND grp = 'g1'").select("score");
    Row r =
        df.agg(
                org.apache.spark.sql.functions.count("*"),
                org.apache.spark.sql.functions.sum("score"))
            .first();
    ScanReport rep = LaminSpark.lastScan();
    assertThat(rep.pruned()).isZero();
    assertThat(rep.parquetFilters()).anySatisfy(f -> assertThat(f).contains("id"));
    List<Object> duck =
        Parquets.query(
            "SELECT count(*), sum(score) FROM $files WHERE id >= 2050 AND grp = 'g1'", fx.files);
    assertThat(r.getLong(0)).isEqualTo(((Number) duck.get(0)).longValue());
    assertThat(r.getDouble(1)).isEqualTo(((Number) duck.get(1)).doubleValue());
  }

  @Test
  void artifactsOptionSelectsByLabelsAndFeatures() {
    Dataset<Row> treated =
        spark
            .read()
            .format("lamindb")
            .option("instance", fx.ln.slug())
            .option("artifacts", "ulabels__name=treated;key__startswith=spark/")
            .load();
    assertThat(treated.select("artifact_uid").distinct().count()).isEqualTo(3);
    assertThat(treated.count()).isEqualTo(300);
    Dataset<Row> gc =
        spark
            .read()
            .format("lamindb")
            .option("instance", fx.ln.slug())
            .option("collection", "spark/coll")
            .option("artifacts", "gc_content__gt=0.2;ulabels__name=treated")
            .load();
    // gc_content 0.25 (i=2) and 0.45 (i=4) are treated
    Row r = gc.agg(org.apache.spark.sql.functions.sum("score")).first();
    List<Object> duck = Parquets.query("SELECT sum(score) FROM $files", fx.files(2, 4));
    assertThat(r.getDouble(0)).isEqualTo(((Number) duck.get(0)).doubleValue());
  }

  private Dataset<Row> version(String key, String version) {
    return spark
        .read()
        .format("lamindb")
        .option("instance", fx.ln.slug())
        .option("collection", key)
        .option("version", version)
        .load();
  }

  @Test
  void versionOptionReadsAnOlderCollectionVersion() throws Exception {
    Path extra =
        Parquets.write(
            fx.tmp.resolve("data/extra.parquet"),
            "SELECT 9000 + r AS id, CAST(1.0 AS DOUBLE) AS score,"
                + " 'g9' AS grp FROM range(10) t(r)");
    Path extra2 =
        Parquets.write(
            fx.tmp.resolve("data/extra2.parquet"),
            "SELECT 9500 + r AS id, CAST(2.0 AS DOUBLE) AS score,"
                + " 'g9' AS grp FROM range(20) t(r)");
    Artifact a = fx.ln.artifact(extra).key("spark/extra.parquet").save();
    Artifact b = fx.ln.artifact(extra2).key("spark/extra2.parquet").save();
    var v2 = fx.collection.append(a);
    var v3 = v2.append(b);
    try {
      assertThat(v3.uid()).endsWith("0002");
      Dataset<Row> latest =
          spark
              .read()
              .format("lamindb")
              .option("instance", fx.ln.slug())
              .option("collection", v3.key())
              .load();
      assertThat(latest.count()).isEqualTo(630);
      assertThat(version(v3.key(), "0002").count()).isEqualTo(630);
      assertThat(version(v3.key(), "0001").count()).isEqualTo(610);
      assertThat(version(v3.key(), "0000").count()).isEqualTo(600);
      assertThatThrownBy(() -> version(v3.key(), "0009"))
          .isInstanceOf(org.lamindb.NotFoundException.class)
          .hasMessageContaining("no version '0009'")
          .hasMessageContaining("0002");
    } finally {
      v3.delete(true);
      v2.delete(true);
    }
  }

  @Test
  void smallFilesAreOneSplitEachAndALargeFileIsSplitAtRowGroups() {
    collection().agg(org.apache.spark.sql.functions.count("*")).first();
    assertThat(LaminSpark.lastScan().files()).isEqualTo(CollectionFixture.N);
    Path big = fx.tmp.resolve("data/big.parquet");
    Parquets.exec(
        "COPY (SELECT r AS id, CAST(r % 13 AS DOUBLE) AS score, md5(CAST(r AS VARCHAR)) AS grp"
            + " FROM range(200000) t(r)) TO '"
            + big
            + "' (FORMAT parquet, ROW_GROUP_SIZE 20000)");
    Artifact a = fx.ln.artifact(big).key("big/big.parquet").save();
    String before = spark.conf().get("spark.sql.files.maxPartitionBytes");
    spark.conf().set("spark.sql.files.maxPartitionBytes", "1m");
    try {
      Dataset<Row> df =
          spark
              .read()
              .format("lamindb")
              .option("instance", fx.ln.slug())
              .option("artifacts", "key=big/big.parquet")
              .load();
      Row r =
          df.agg(
                  org.apache.spark.sql.functions.count("*"),
                  org.apache.spark.sql.functions.sum("score"))
              .first();
      long size = a.size();
      int splits = LaminSpark.lastScan().files();
      assertThat(splits).isEqualTo((int) ((size + (1 << 20) - 1) / (1 << 20))).isGreaterThan(1);
      assertThat(df.rdd().getNumPartitions()).isEqualTo(splits);
      // every row group read by exactly one split: the totals equal DuckDB's
      List<Object> duck = Parquets.query("SELECT count(*), sum(score) FROM $files", List.of(big));
      assertThat(r.getLong(0)).isEqualTo(((Number) duck.get(0)).longValue()).isEqualTo(200_000L);
      assertThat(r.getDouble(1)).isEqualTo(((Number) duck.get(1)).doubleValue());
    } finally {
      spark.conf().set("spark.sql.files.maxPartitionBytes", before);
      a.delete(true);
    }
  }

  @Test
  void sqlThroughTheLaminCatalog() {
    spark.conf().set("spark.sql.catalog.lamin.instance", fx.ln.slug());
    Row r =
        spark
            .sql(
                "SELECT count(*), sum(score) FROM lamin.collections.`spark/coll` WHERE gc_content"
                    + " < 0.2")
            .first();
    List<Object> duck = Parquets.query("SELECT count(*), sum(score) FROM $files", fx.files(0, 1));
    assertThat(r.getLong(0)).isEqualTo(((Number) duck.get(0)).longValue());
    assertThat(r.getDouble(1)).isEqualTo(((Number) duck.get(1)).doubleValue());
    assertThat(LaminSpark.lastScan().pruned()).isEqualTo(4);
  }

  @Test
  void typeConflictNamesArtifactAndColumn() throws Exception {
    Path bad =
        Parquets.write(
            fx.tmp.resolve("data/bad.parquet"),
            "SELECT 'x' || r AS id, CAST(1.0 AS DOUBLE) AS score FROM range(3) t(r)");
    Artifact a = fx.ln.artifact(bad).key("conflict/bad.parquet").save();
    Path good =
        Parquets.write(
            fx.tmp.resolve("data/good.parquet"),
            "SELECT r AS id, CAST(2.0 AS DOUBLE) AS score FROM range(3) t(r)");
    Artifact g = fx.ln.artifact(good).key("conflict/good.parquet").save();
    try {
      assertThatThrownBy(
              () ->
                  spark
                      .read()
                      .format("lamindb")
                      .option("instance", fx.ln.slug())
                      .option("artifacts", "key__startswith=conflict/")
                      .load())
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("column 'id'")
          .hasMessageContaining(a.uid());
    } finally {
      a.delete(true);
      g.delete(true);
    }
  }
}
