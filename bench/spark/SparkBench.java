import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.spark.LaminSpark;

/** bench/spark: planning time with a feature filter over N artifacts; scan time vs spark.read().parquet. */
public class SparkBench {
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    LaminDB ln = LaminSetup.fromEnvironment()
        .init(InitOptions.storage(work.resolve("data").toString()).name("spark-bench"));
    LaminSpark.register(ln);
    ln.feature("gc_content", Dtype.FLOAT).save();
    Path files = Files.createDirectories(work.resolve("files"));
    List<Artifact> arts = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    try (var duck = DriverManager.getConnection("jdbc:duckdb:"); var st = duck.createStatement()) {
      for (int i = 0; i < n; i++) {
        Path f = files.resolve("f" + i + ".parquet");
        st.execute("COPY (SELECT " + i + " * 1000 + r AS id, CAST(r AS DOUBLE) AS x FROM range(200) t(r)) TO '"
            + f + "' (FORMAT parquet)");
        arts.add(ln.artifact(f).key("bench/f" + i + ".parquet"));
        paths.add(f.toString());
      }
    }
    Artifact.saveAll(arts);
    for (int i = 0; i < n; i++) {
      arts.get(i).features().addValues(Map.of("gc_content", (double) i / n));
    }
    ln.collection(arts).key("bench/all").save();
    SparkSession spark = SparkSession.builder().appName("spark-bench").master("local[2]")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    var df = spark.read().format("lamindb").option("instance", ln.slug()).option("collection", "bench/all").load();
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      df.filter("gc_content > 0.99").queryExecution().executedPlan(); // plans the scan
      var plan = df.filter("gc_content > 0.99");
      plan.queryExecution().toRdd(); // forces planInputPartitions
      long planMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("planning (feature filter, " + n + " artifacts): " + planMs + " ms, scan report "
          + LaminSpark.lastScan().planningNanos() / 1_000_000 + " ms, pruned " + LaminSpark.lastScan().pruned());
    }
    for (int rep = 0; rep < 2; rep++) {
      long t0 = System.nanoTime();
      double a = df.agg(org.apache.spark.sql.functions.sum("x")).first().getDouble(0);
      long lamin = (System.nanoTime() - t0) / 1_000_000;
      t0 = System.nanoTime();
      double b = spark.read().parquet(paths.toArray(String[]::new)).agg(org.apache.spark.sql.functions.sum("x"))
          .first().getDouble(0);
      long plain = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("scan sum(x): lamindb " + lamin + " ms, spark.read().parquet " + plain + " ms, ratio "
          + String.format("%.2f", (double) lamin / plain) + (a == b ? "" : " MISMATCH"));
    }
    spark.stop();
    ln.close();
  }
}
