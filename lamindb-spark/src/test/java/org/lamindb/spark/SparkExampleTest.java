package org.lamindb.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs examples/spark-collection.sh as a user would (docs/spark.md), with this module's class path.
 */
class SparkExampleTest {
  @TempDir Path tmp;

  @Test
  void sparkCollectionExamplePrintsRowsPrunedAndOutput() throws Exception {
    Path script = Path.of("../examples/spark-collection.sh").toAbsolutePath().normalize();
    Path out = tmp.resolve("out.txt");
    ProcessBuilder pb =
        new ProcessBuilder("bash", script.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().put("LAMIN_SPARK_CLASSPATH", System.getProperty("java.class.path"));
    Process p = pb.start();
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    // 20 artifacts of 50 rows, gc_content = i / 20: gc_content >= 0.5 keeps i = 10..19
    assertThat(text)
        .containsPattern("rows=500 pruned=10 output=[A-Za-z0-9]{20}")
        .contains("g0: n=250", "g1: n=250")
        .contains("inputs of the run: 10, transform: spark-collection-example");
  }
}
