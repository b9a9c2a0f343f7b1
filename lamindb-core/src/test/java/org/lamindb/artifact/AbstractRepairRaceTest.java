package org.lamindb.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Artifact;
import org.lamindb.testing.Backend;
import org.lamindb.testing.RaceSaver;
import org.lamindb.testing.RepairLoop;

/**
 * Issue 15's data-loss scenario: processes saving small files while other processes run repair
 * (grace period 0) in a loop. No save may fail, no row may lose its file.
 */
abstract class AbstractRepairRaceTest {
  static final int SAVERS = 2;
  static final int SAVES = 120;
  static final int REPAIRERS = 2;

  @TempDir Path tmp;

  abstract Backend backend();

  private Process child(Class<?> main, String name, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx200m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .redirectOutput(tmp.resolve("out-" + name + ".txt").toFile())
        .redirectError(tmp.resolve("err-" + name + ".txt").toFile())
        .start();
  }

  @Test
  void repairLoopsNeverBreakConcurrentSaves() throws Exception {
    LaminSetup setup = Backend.setup(tmp);
    setup.init(backend().options(tmp.resolve("storage"), "race")).close();
    String home = setup.home().toString();
    Path stop = tmp.resolve("stop");
    List<Process> repairers = new ArrayList<>();
    for (int i = 0; i < REPAIRERS; i++) {
      repairers.add(child(RepairLoop.class, "r" + i, home, "race", stop.toString()));
    }
    List<Process> savers = new ArrayList<>();
    for (int i = 0; i < SAVERS; i++) {
      savers.add(
          child(
              RaceSaver.class,
              "s" + i,
              home,
              "race",
              tmp.resolve("work" + i).toString(),
              String.valueOf(SAVES),
              String.valueOf(i)));
    }
    for (Process p : savers) {
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    }
    Files.writeString(stop, "stop");
    for (Process p : repairers) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    }
    int saved = 0;
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < SAVERS; i++) {
      for (String line : Files.readAllLines(tmp.resolve("out-s" + i + ".txt"))) {
        if (line.startsWith("saved ")) {
          saved++;
        } else if (line.startsWith("failed ")) {
          failed.add(line);
        }
      }
    }
    long removed = 0;
    long rounds = 0;
    for (int i = 0; i < REPAIRERS; i++) {
      for (String line : Files.readAllLines(tmp.resolve("out-r" + i + ".txt"))) {
        if (line.startsWith("rounds ")) {
          rounds += Long.parseLong(line.substring(7));
        } else if (line.startsWith("removed")) {
          removed++;
        } else if (line.startsWith("error ")) {
          failed.add("repairer: " + line);
        }
      }
    }
    int missing = 0;
    int mismatches = 0;
    try (LaminDB ln = setup.connect("race")) {
      for (Artifact a : ln.artifacts().list()) {
        Path p = Path.of(a.path());
        if (!Files.exists(p)) {
          missing++;
        } else if (!Hashing.hashFile(p).hash().equals(a.hash())) {
          mismatches++;
        }
      }
      System.out.printf(
          "repair race (%s): %d savers x %d saves, %d repairers, %d repair rounds, %d saved,"
              + " %d failed, %d rows without file, %d hash mismatches, %d removals%n",
          backend(),
          SAVERS,
          SAVES,
          REPAIRERS,
          rounds,
          saved,
          failed.size(),
          missing,
          mismatches,
          removed);
      assertThat(failed).as("failed saves").isEmpty();
      assertThat(saved).isEqualTo(SAVERS * SAVES);
      assertThat(missing).as("rows without file").isZero();
      assertThat(mismatches).as("hash mismatches").isZero();
      assertThat(ln.artifacts().count()).isEqualTo(SAVERS * SAVES);
      assertThat(rounds).as("repair rounds ran").isPositive();
    }
  }
}
