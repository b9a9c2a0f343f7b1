package org.lamindb.spark;

import org.apache.spark.sql.SparkSession;

/** ONE local SparkSession per test JVM: starting Spark costs seconds, so every test shares it. */
final class SharedSpark {
  private static SparkSession spark;

  private SharedSpark() {}

  static synchronized SparkSession get() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .appName("lamindb-spark-tests")
              .master("local[2]")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.catalog.lamin", LaminCatalog.class.getName())
              .getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
    }
    return spark;
  }
}
