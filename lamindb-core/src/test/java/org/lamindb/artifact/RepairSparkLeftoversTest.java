package org.lamindb.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.RepairOptions;
import org.lamindb.testing.Backend;

/**
 * {@code lamin repair} removes the temporary prefixes of Spark writes whose driver died (in {@code
 * <cache>/spark-tmp}, the layout lamindb-spark's writer uses), but not those of a running driver,
 * nor young ones, nor those of another instance.
 */
class RepairSparkLeftoversTest {
  @TempDir Path tmp;

  private static Path leftover(Path root, String name, String owner, String slug, Duration age)
      throws Exception {
    Path d = Files.createDirectories(root.resolve(".lamindb-spark-" + name));
    Path part = Files.createDirectories(d.resolve("out.parquet"));
    Files.writeString(part.resolve("part-00000.snappy.parquet"), "PAR1 not really");
    Files.writeString(d.resolve("_lamindb_owner"), owner + "\n" + slug + "\n");
    FileTime t = FileTime.from(Instant.now().minus(age));
    try (Stream<Path> s = Files.walk(d)) {
      for (Path p : s.toList()) {
        Files.setLastModifiedTime(p, t);
      }
    }
    return d;
  }

  @Test
  void removesDeadOldLeftoversOnlyAndDryRunOnlyReports() throws Exception {
    try (LaminDB ln = Backend.SQLITE.newInstance(tmp)) {
      Path root = ln.info().cacheDir().resolve("spark-tmp");
      String host = InetAddress.getLocalHost().getHostName();
      Process p = new ProcessBuilder("true").start();
      p.waitFor();
      String dead = host + ":" + p.pid();
      String live = host + ":" + ProcessHandle.current().pid();
      Duration old = Duration.ofHours(3);
      Path deadOld = leftover(root, "dead", dead, ln.slug(), old);
      Path deadYoung = leftover(root, "young", dead, ln.slug(), Duration.ofMinutes(5));
      Path running = leftover(root, "running", live, ln.slug(), old);
      Path remoteOld = leftover(root, "remote", "elsewhere:1", ln.slug(), old);
      Path otherInstance = leftover(root, "other", dead, "someone/else", old);

      List<String> dry = ln.repair(RepairOptions.defaults().dryRun(true));
      assertThat(dry)
          .anySatisfy(l -> assertThat(l).startsWith("remove: " + deadOld).contains("(dead)"))
          .anySatisfy(l -> assertThat(l).startsWith("remove: " + remoteOld))
          .anySatisfy(l -> assertThat(l).startsWith("keep: " + running).contains("running"))
          .anySatisfy(l -> assertThat(l).startsWith("keep: " + deadYoung).contains("grace"))
          .noneSatisfy(l -> assertThat(l).contains(otherInstance.toString()));
      assertThat(deadOld).exists();

      List<String> done = ln.repair(RepairOptions.defaults());
      assertThat(done)
          .anySatisfy(l -> assertThat(l).startsWith("removed: " + deadOld))
          .anySatisfy(l -> assertThat(l).startsWith("removed: " + remoteOld));
      assertThat(deadOld).doesNotExist();
      assertThat(remoteOld).doesNotExist();
      assertThat(running).exists();
      assertThat(deadYoung).exists();
      assertThat(otherInstance).exists();

      ln.repair(RepairOptions.defaults().grace(Duration.ZERO));
      assertThat(deadYoung).doesNotExist();
      assertThat(running).as("a running driver's prefix is never removed").exists();
    }
  }
}
