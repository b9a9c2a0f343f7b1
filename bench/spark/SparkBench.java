import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.spark.LaminSpark;
import org.lamindb.spark.ScanReport;

/**
 * bench/spark: (1) planning a read with a feature filter over N artifacts, split into load() (registry
 * query, feature values, footer schema union) and filter → input partitions, with the S3 requests counted
 * when the members live in S3 (S3Proxy in-process: LIST and GET must be 0 at planning); (2) scan time of
 * sum(x) over all N files vs spark.read().parquet(paths) on the same files.
 * Args: work dir, N, mode (local|s3|both).
 */
public class SparkBench {
  static final AtomicLong LISTS = new AtomicLong();
  static final AtomicLong GETS = new AtomicLong();

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
  }

  static void run(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    String mode = args.length > 2 ? args[2] : "both";
    SparkSession spark = SparkSession.builder().appName("spark-bench").master("local[2]")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    List<Path> files = files(work.resolve("local"), n, 0);
    if (!mode.equals("s3")) {
      LaminDB ln = LaminSetup.fromEnvironment()
          .init(InitOptions.storage(work.resolve("data").toString()).name("spark-bench"));
      System.out.println("== local storage, " + n + " artifacts");
      register(ln, files);
      planning(spark, ln, n, false);
      scan(spark, ln, files);
      ln.close();
    }
    if (!mode.equals("local")) {
      String root = s3(work);
      // an S3 instance keeps its metadata in PostgreSQL ($LAMIN_TEST_POSTGRES_URL, else embedded)
      LaminDB ln = LaminSetup.fromEnvironment().init(InitOptions.storage(root).name("spark-bench-s3")
          .db(org.lamindb.testing.PostgresTestServer.newEmptyDatabase()));
      System.out.println("== S3 storage (S3Proxy in-process, no hadoop-aws), " + n + " artifacts");
      // other bytes than the local files (other content hashes): footers are not in the JVM's cache
      register(ln, files(work.resolve("s3"), n, 1));
      planning(spark, ln, n, true);
      ln.close();
    }
    spark.stop();
    System.exit(0); // S3Proxy's server threads would keep the JVM alive
  }

  static List<Path> files(Path work, int n, int salt) throws Exception {
    Path dir = Files.createDirectories(work.resolve("files"));
    List<Path> out = new ArrayList<>();
    long t0 = System.nanoTime();
    try (var duck = DriverManager.getConnection("jdbc:duckdb:"); var st = duck.createStatement()) {
      for (int i = 0; i < n; i++) {
        Path f = dir.resolve("f" + i + ".parquet");
        st.execute("COPY (SELECT " + i + " * 1000 + r AS id, CAST(r + " + salt + " AS DOUBLE) AS x FROM range(200) t(r)) TO '"
            + f + "' (FORMAT parquet)");
        out.add(f);
      }
    }
    System.out.println("generated " + n + " Parquet files (200 rows each) in " + ms(t0) + " ms");
    return out;
  }

  static void register(LaminDB ln, List<Path> files) {
    long t0 = System.nanoTime();
    LaminSpark.register(ln);
    ln.feature("gc_content", Dtype.FLOAT).save();
    List<Artifact> arts = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      arts.add(ln.artifact(files.get(i)).key("bench/f" + i + ".parquet")
          .features(Map.of("gc_content", (double) i / files.size())));
    }
    Artifact.saveAll(arts);
    ln.collection(arts).key("bench/all").save();
    System.out.println("registered " + files.size() + " artifacts + collection in " + ms(t0) + " ms");
  }

  static Dataset<Row> load(SparkSession spark, LaminDB ln) {
    return spark.read().format("lamindb").option("instance", ln.slug()).option("collection", "bench/all").load();
  }

  static void planning(SparkSession spark, LaminDB ln, int n, boolean s3) {
    spark.range(10).selectExpr("sum(id)").first(); // Spark's own first-query warm-up is not ours to count
    LISTS.set(0);
    GETS.set(0);
    long footers = LaminSpark.footersRead();
    long tTyped = System.nanoTime();
    Dataset<Row> typed = spark.read().format("lamindb").schema("id BIGINT, x DOUBLE").option("instance", ln.slug())
        .option("collection", "bench/all").load();
    typed.filter("gc_content >= 0.99").queryExecution().toRdd();
    ScanReport tr = LaminSpark.lastScan();
    System.out.println("cold, schema given (.schema(...)): load() + filter gc_content >= 0.99 -> partitions "
        + ms(tTyped) + " ms (planInputPartitions " + tr.planningNanos() / 1_000_000 + " ms), " + tr.selected() + " of "
        + tr.candidates() + " selected, footers read " + (LaminSpark.footersRead() - footers)
        + (s3 ? " [S3 LIST " + LISTS.get() + ", GET " + GETS.get() + " (staging the selected files)]" : ""));
    for (int rep = 0; rep < 4; rep++) {
      LISTS.set(0);
      GETS.set(0);
      long t0 = System.nanoTime();
      Dataset<Row> df = load(spark, ln);
      long loadMs = ms(t0);
      long lists = LISTS.get(), gets = GETS.get();
      LISTS.set(0);
      GETS.set(0);
      long t1 = System.nanoTime();
      df.filter("gc_content >= 0.99").queryExecution().toRdd(); // analysis, push-down, planInputPartitions
      long planMs = ms(t1);
      ScanReport r = LaminSpark.lastScan();
      System.out.println("rep " + rep + (rep == 0 ? " (cold)" : " (warm)") + ": load() " + loadMs + " ms"
          + (s3 ? " [S3 LIST " + lists + ", GET " + gets + "]" : "")
          + "; filter gc_content >= 0.99 -> partitions " + planMs + " ms (planInputPartitions "
          + r.planningNanos() / 1_000_000 + " ms), " + r.selected() + " of " + r.candidates() + " selected, "
          + r.pruned() + " pruned, footers read so far " + LaminSpark.footersRead()
          + (s3 ? " [S3 LIST " + LISTS.get() + ", GET " + GETS.get() + "]" : ""));
    }
  }

  static void scan(SparkSession spark, LaminDB ln, List<Path> files) {
    String[] paths = files.stream().map(Path::toString).toArray(String[]::new);
    List<Long> lamin = new ArrayList<>(), plain = new ArrayList<>();
    for (int rep = 0; rep < 5; rep++) {
      long t0 = System.nanoTime();
      double a = load(spark, ln).agg(org.apache.spark.sql.functions.sum("x")).first().getDouble(0);
      long l = ms(t0);
      t0 = System.nanoTime();
      double b = spark.read().parquet(paths).agg(org.apache.spark.sql.functions.sum("x")).first().getDouble(0);
      long p = ms(t0);
      lamin.add(l);
      plain.add(p);
      System.out.println("scan rep " + rep + ": sum(x) over " + files.size() + " files: lamindb " + l
          + " ms (" + LaminSpark.lastScan().files() + " files), spark.read().parquet " + p + " ms"
          + (a == b ? "" : " MISMATCH " + a + " vs " + b));
    }
    long lm = median(lamin.subList(1, lamin.size())), pm = median(plain.subList(1, plain.size()));
    System.out.println("scan median of reps 1-4 (load + plan + scan each): lamindb " + lm + " ms, spark.read().parquet "
        + pm + " ms, ratio " + String.format("%.2f", (double) lm / pm));
    // scan only: both DataFrames made once (spark.read().parquet lists its paths here), then the same aggregate
    Dataset<Row> ours = load(spark, ln);
    Dataset<Row> theirs = spark.read().parquet(paths);
    List<Long> lo = new ArrayList<>(), po = new ArrayList<>();
    for (int rep = 0; rep < 5; rep++) {
      long t0 = System.nanoTime();
      ours.agg(org.apache.spark.sql.functions.sum("x")).first();
      lo.add(ms(t0));
      t0 = System.nanoTime();
      theirs.agg(org.apache.spark.sql.functions.sum("x")).first();
      po.add(ms(t0));
    }
    long l2 = median(lo), p2 = median(po);
    System.out.println("scan only (DataFrames made once), median of 5: lamindb " + l2 + " ms " + lo
        + ", spark.read().parquet " + p2 + " ms " + po + ", ratio " + String.format("%.2f", (double) l2 / p2));
  }

  /** Starts S3Proxy over a filesystem blob store whose LIST and GET calls are counted; returns a storage root. */
  static String s3(Path work) throws Exception {
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", Files.createDirectories(work.resolve("blobs")).toString());
    BlobStoreContext ctx = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
        .overrides(props).build(BlobStoreContext.class);
    BlobStore real = ctx.getBlobStore();
    BlobStore counting = (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(),
        new Class<?>[] {BlobStore.class}, (p, m, a) -> {
          if (m.getName().equals("list")) {
            LISTS.incrementAndGet();
          } else if (m.getName().equals("getBlob")) {
            GETS.incrementAndGet();
          }
          try {
            return m.invoke(real, a);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    S3Proxy proxy = S3Proxy.builder().blobStore(counting).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "bench-access", "bench-secret-key").build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    real.createContainerInLocation(null, "bench");
    System.setProperty("aws.accessKeyId", "bench-access");
    System.setProperty("aws.secretAccessKey", "bench-secret-key");
    return "s3://bench/spark?endpoint_url=http://127.0.0.1:" + proxy.getPort();
  }

  static long median(List<Long> xs) {
    long[] a = xs.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return a[a.length / 2];
  }

  static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
