import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.spark.LaminCatalog;
import org.lamindb.spark.LaminSpark;

/**
 * docs/spark.md: 20 Parquet artifacts with a feature, one collection, a Spark SQL query through the
 * lamin catalog (the feature filter prunes half of the artifacts in the registry) and the result
 * written back as a folder artifact with lineage.
 */
public class SparkCollection {
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    LaminDB ln =
        LaminSetup.fromEnvironment()
            .init(InitOptions.storage(work.resolve("spark-data").toString()).name("spark-demo"));
    LaminSpark.register(ln);
    ln.feature("gc_content", Dtype.FLOAT).save();
    Path files = Files.createDirectories(work.resolve("files"));
    List<Artifact> runs = new ArrayList<>();
    try (var duck = DriverManager.getConnection("jdbc:duckdb:");
        var st = duck.createStatement()) {
      for (int i = 0; i < 20; i++) {
        Path f = files.resolve(String.format("run-%02d.parquet", i));
        st.execute(
            "COPY (SELECT " + i + " * 100 + r AS id, 'g' || (r % 2) AS grp,"
                + " CAST(r AS DOUBLE) / 10 AS score FROM range(50) t(r)) TO '" + f + "'"
                + " (FORMAT parquet)");
        Artifact a = ln.artifact(f).key(String.format("demo/run-%02d.parquet", i)).save();
        a.features().addValues(Map.of("gc_content", i / 20.0));
        runs.add(a);
      }
    }
    ln.collection(runs).key("demo/runs").save();

    SparkSession spark =
        SparkSession.builder()
            .appName("spark-collection-example")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.catalog.lamin", LaminCatalog.class.getName())
            .config("spark.sql.catalog.lamin.instance", ln.slug())
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    Dataset<Row> summary =
        spark.sql(
            "SELECT grp, count(*) AS n, sum(score) AS total FROM lamin.collections.`demo/runs`"
                + " WHERE gc_content >= 0.5 GROUP BY grp ORDER BY grp");
    long rows = 0;
    for (Row r : summary.collectAsList()) {
      System.out.println(r.getString(0) + ": n=" + r.getLong(1) + " total=" + r.getDouble(2));
      rows += r.getLong(1);
    }
    int pruned = LaminSpark.lastScan().pruned();
    summary
        .write()
        .format("lamindb")
        .option("instance", ln.slug())
        .option("key", "demo/summary.parquet")
        .option("collection", "demo/summaries")
        .save();
    Artifact out = ln.artifacts().get("key", "demo/summary.parquet");
    System.out.println(
        "inputs of the run: " + out.run().inputArtifacts().size() + ", transform: "
            + out.run().transform().key());
    System.out.println("rows=" + rows + " pruned=" + pruned + " output=" + out.uid());
    spark.stop();
    ln.close();
  }
}
