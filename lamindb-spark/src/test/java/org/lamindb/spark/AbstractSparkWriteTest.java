package org.lamindb.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.model.Run;
import org.lamindb.testing.Backend;

/** Writes Spark results back as folder artifacts with lineage; failed jobs leave nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSparkWriteTest {
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

  @Test
  void writeBackRegistersAFolderArtifactWithRunInputsAndCollection() throws Exception {
    LaminSpark.clearInputs(fx.ln);
    Dataset<Row> scores =
        spark
            .read()
            .format("lamindb")
            .option("instance", fx.ln.slug())
            .option("collection", "spark/coll")
            .load()
            .filter("gc_content > 0.3")
            .groupBy("grp")
            .agg(sum("score").as("total"));
    Path temp = fx.tmp.resolve("spark-temp");
    scores
        .write()
        .format("lamindb")
        .option("instance", fx.ln.slug())
        .option("key", "results/scores.parquet")
        .option("collection", "results")
        .option("temp_dir", temp.toString())
        .save();
    Artifact out = fx.ln.artifacts().get("key", "results/scores.parquet");
    assertThat(out.nFiles()).isGreaterThanOrEqualTo(1L);
    assertThat(out.suffix()).isEqualTo(".parquet");
    assertThat(out.hash()).isNotBlank();
    Run run = out.run();
    assertThat(run).isNotNull();
    assertThat(run.transform().key()).isEqualTo("lamindb-spark-tests");
    assertThat(run.transform().description()).startsWith("Spark application lamindb-spark-tests");
    assertThat(run.params().toString()).contains("results/scores.parquet");
    assertThat(run.status()).isEqualTo(Run.Status.COMPLETED);
    assertThat(run.inputArtifacts())
        .extracting(Artifact::uid)
        .containsExactlyInAnyOrder(
            fx.artifacts.get(3).uid(), fx.artifacts.get(4).uid(), fx.artifacts.get(5).uid());
    assertThat(run.outputArtifacts()).extracting(Artifact::uid).contains(out.uid());
    Collection results = fx.ln.collections().get("key", "results");
    assertThat(results.ordered()).extracting(Artifact::uid).containsExactly(out.uid());
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
    // read back through the source: the same totals as DuckDB over the inputs
    Dataset<Row> back =
        spark
            .read()
            .format("lamindb")
            .option("instance", fx.ln.slug())
            .option("collection", "results")
            .load();
    double total = back.agg(sum("total")).first().getDouble(0);
    List<Object> duck = Parquets.query("SELECT sum(score) FROM $files", fx.files(3, 4, 5));
    assertThat(total).isEqualTo(((Number) duck.get(0)).doubleValue());
    assertThat(back.count()).isEqualTo(3);
  }

  @Test
  void layoutFilesRegistersOneArtifactPerPartAndANewCollectionVersion() throws Exception {
    LaminSpark.clearInputs(fx.ln);
    Collection before = fx.ln.collection(List.of(fx.artifacts.get(0))).key("per-file").save();
    Dataset<Row> rows =
        spark
            .read()
            .format("lamindb")
            .option("instance", fx.ln.slug())
            .option("collection", "spark/coll")
            .load()
            .filter("gc_content < 0.2")
            .select("id", "score")
            .repartition(2);
    rows.write()
        .format("lamindb")
        .option("instance", fx.ln.slug())
        .option("key", "results/rows")
        .option("layout", "files")
        .option("collection", "per-file")
        .option("temp_dir", fx.tmp.resolve("spark-temp-files").toString())
        .save();
    List<Artifact> parts =
        fx.ln.artifacts().filter("key__startswith", "results/rows/").orderBy("key").list();
    assertThat(parts).extracting(Artifact::key).contains("results/rows/part-00000.parquet");
    assertThat(parts).allSatisfy(a -> assertThat(a.nFiles()).isNull());
    Run run = parts.get(0).run();
    assertThat(run.outputArtifacts())
        .extracting(Artifact::uid)
        .containsAll(parts.stream().map(Artifact::uid).toList());
    assertThat(run.inputArtifacts())
        .extracting(Artifact::uid)
        .containsExactlyInAnyOrder(fx.artifacts.get(0).uid(), fx.artifacts.get(1).uid());
    Collection latest =
        fx.ln
            .collections()
            .filter("key", "per-file")
            .filter("is_latest", true)
            .first()
            .orElseThrow();
    assertThat(latest.uid()).isNotEqualTo(before.uid()).startsWith(before.uid().substring(0, 16));
    assertThat(latest.versions()).hasSize(2);
    assertThat(latest.ordered()).hasSize(1 + parts.size());
    Row back =
        spark
            .read()
            .format("lamindb")
            .option("instance", fx.ln.slug())
            .option("artifacts", "key__startswith=results/rows/")
            .load()
            .agg(org.apache.spark.sql.functions.count("*"), sum("score"))
            .first();
    List<Object> duck = Parquets.query("SELECT count(*), sum(score) FROM $files", fx.files(0, 1));
    assertThat(back.getLong(0)).isEqualTo(((Number) duck.get(0)).longValue());
    assertThat(back.getDouble(1)).isEqualTo(((Number) duck.get(1)).doubleValue());
  }

  @Test
  void anUnknownLayoutIsRefusedBeforeSparkWrites() {
    assertThatThrownBy(
            () ->
                spark
                    .range(3)
                    .write()
                    .format("lamindb")
                    .option("instance", fx.ln.slug())
                    .option("key", "results/bad")
                    .option("layout", "tiles")
                    .save())
        .isInstanceOf(org.lamindb.InvalidArgumentException.class)
        .hasMessageContaining("layout='tiles'");
    assertThat(fx.ln.artifacts().filter("key__startswith", "results/bad").exists()).isFalse();
  }

  @Test
  void aJobThatThrowsMidWriteLeavesNoRowAndNoOutput() throws Exception {
    UserDefinedFunction boom =
        udf(
            (UDF1<Long, Long>)
                id -> {
                  if (id == 4042L) {
                    throw new IllegalStateException("boom at " + id);
                  }
                  return id;
                },
            DataTypes.LongType);
    Dataset<Row> df =
        spark
            .read()
            .format("lamindb")
            .option("instance", fx.ln.slug())
            .option("collection", "spark/coll")
            .load()
            .withColumn("checked", boom.apply(col("id")));
    Path temp = fx.tmp.resolve("spark-temp-fail");
    long artifactsBefore = fx.ln.artifacts().count();
    long runsBefore = fx.ln.runs().count();
    assertThatThrownBy(
            () ->
                df.write()
                    .format("lamindb")
                    .option("instance", fx.ln.slug())
                    .option("key", "results/failed.parquet")
                    .option("temp_dir", temp.toString())
                    .save())
        .hasStackTraceContaining("boom at 4042");
    assertThat(fx.ln.artifacts().filter("key", "results/failed.parquet").exists()).isFalse();
    assertThat(fx.ln.artifacts().count()).isEqualTo(artifactsBefore);
    assertThat(fx.ln.runs().count()).isEqualTo(runsBefore);
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
  }
}
