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
