package org.lamindb.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.RepairOptions;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Artifact;
import org.lamindb.testing.Backend;
import org.lamindb.testing.SaveLoop;

/**
 * Crash safety (SIGKILL during saves) and concurrent saving processes, on every metadata backend.
 */
abstract class AbstractProcessTest {
  @TempDir Path tmp;

  abstract Backend backend();

  private Process start(LaminSetup setup, String instance, int count, long seed, int keys)
      throws Exception {
    return start(setup, instance, count, seed, keys, "p" + seed);
  }

  private Process start(
      LaminSetup setup, String instance, int count, long seed, int keys, String name)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(SaveLoop.class.getName());
    cmd.addAll(
        List.of(
            setup.home().toString(),
            instance,
            tmp.resolve("work-" + name).toString(),
            String.valueOf(count),
            String.valueOf(seed),
            String.valueOf(keys)));
    return new ProcessBuilder(cmd)
        .redirectError(tmp.resolve("err-" + name + ".txt").toFile())
        .start();
  }

  /** Reads "saved" lines of a child in the background; returns the counter. */
  private static AtomicInteger countSaves(Process p) {
    AtomicInteger n = new AtomicInteger();
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  if (line.startsWith("saved ")) {
                    n.incrementAndGet();
                  }
                }
              } catch (Exception e) {
                // the child was killed
              }
            });
    t.setDaemon(true);
    t.start();
    return n;
  }

  /**
   * Every artifact has its content with its hash, one latest per family, and no leftovers remain.
   */
  private void assertConsistent(LaminDB ln) throws Exception {
    List<Artifact> all = ln.artifacts().list();
    Map<String, Integer> latest = new HashMap<>();
    for (Artifact a : all) {
      Path p = Path.of(a.path());
      assertThat(p).as("content of " + a.uid()).exists();
      assertThat(Hashing.hashFile(p).hash()).as("hash of " + a.uid()).isEqualTo(a.hash());
      latest.merge(a.uid().substring(0, 16), a.isLatest() ? 1 : 0, Integer::sum);
    }
    assertThat(latest.values()).allMatch(n -> n == 1);
    assertThat(ln.repair(RepairOptions.defaults().dryRun(true).grace(Duration.ZERO))).isEmpty();
  }

  @Test
  void killedSaversLeaveNothingThatRepairCannotFix() throws Exception {
    LaminSetup setup = Backend.setup(tmp);
    setup.init(backend().options(tmp.resolve("storage"), "crash")).close();
    Random rnd = new Random(42);
    int attempted = 0;
    int round = 0;
    while (attempted < 1000) {
      Process p = start(setup, "crash", 1000 - attempted, round, 5);
      AtomicInteger saved = countSaves(p);
      // kill at a random point: wait for a random number of completed saves, then a random extra
      // delay
      int target = 5 + rnd.nextInt(60);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (saved.get() < target && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      Thread.sleep(rnd.nextInt(20));
      p.destroyForcibly().waitFor();
      attempted += Math.max(saved.get() + 1, 1);
      round++;
    }
    try (LaminDB ln = setup.connect("crash")) {
      List<String> fixed = ln.repair(RepairOptions.defaults().grace(Duration.ZERO));
      assertThat(fixed).noneMatch(l -> l.startsWith("missing"));
      assertConsistent(ln);
      assertThat(ln.artifacts().count()).isPositive();
    }
  }

  @Test
  void concurrentSavingProcessesProduceNoErrorsAndOneLatestPerFamily() throws Exception {
    LaminSetup setup = Backend.setup(tmp);
    setup.init(backend().options(tmp.resolve("storage"), "conc")).close();
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      // seeds 0-3 and 4-7 draw the same keys; seeds are distinct so contents differ, plus two
      // shared seeds
      ps.add(start(setup, "conc", 25, i % 6, 3, "c" + i));
    }
    for (int i = 0; i < ps.size(); i++) {
      Process p = ps.get(i);
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue())
          .as("child %d: %s", i, Files.readString(tmp.resolve("err-c" + i + ".txt")))
          .isZero();
    }
    try (LaminDB ln = setup.connect("conc")) {
      assertConsistent(ln);
      // 6 distinct seeds × 25 files; seeds 0 and 1 ran twice with identical contents, which dedup
      assertThat(ln.artifacts().count()).isEqualTo(150);
      assertThat(ln.artifacts().filter("is_latest", true).count()).isEqualTo(3);
    }
  }
}
