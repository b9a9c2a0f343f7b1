package org.lamindb.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.RepairOptions;
import org.lamindb.internal.artifact.ArtifactFiles;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.storage.Hashing;
import org.lamindb.model.Artifact;
import org.lamindb.storage.ObjectStat;
import org.lamindb.storage.StorageBackend;
import org.lamindb.testing.Backend;
import org.lamindb.testing.CrashSaver;

/**
 * Issue 15's crash campaign: child JVMs saving 1 KiB–50 MiB files are killed (SIGKILL at random
 * moments, and halted at the fault points inside a save); then repair with grace 0 (the owners are
 * dead); then no row without its file, no file without its row, every hash equal to its row, and a
 * second save of stored content returns the same artifact. Bounded: {@link #TRIALS} children.
 */
public abstract class AbstractCrashCampaignTest {
  static final int TRIALS = 15;
  static final String[] FAULTS = {
    "after-intent", "after-upload", "after-move", "before-commit", "after-commit"
  };

  @TempDir protected Path tmp;

  abstract Backend backend();

  /**
   * @return null for local storage below the temp dir, else a storage URL
   */
  protected String storageRoot() {
    return null;
  }

  /**
   * @return the largest file the children write (50 MiB locally)
   */
  protected int maxBytes() {
    return 50 << 20;
  }

  private Process child(LaminSetup setup, int trial, String fault) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:TieredStopAtLevel=1");
    for (String p : System.getProperties().stringPropertyNames()) {
      if (p.startsWith("aws.")) {
        cmd.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    if (fault != null) {
      cmd.add("-Dlamindb.test.fault=" + fault);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(CrashSaver.class.getName());
    cmd.addAll(
        List.of(
            setup.home().toString(),
            "crash",
            tmp.resolve("work" + trial).toString(),
            "6",
            String.valueOf(trial),
            String.valueOf(maxBytes())));
    return new ProcessBuilder(cmd)
        .redirectError(tmp.resolve("err" + trial + ".txt").toFile())
        .start();
  }

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
                // killed
              }
            });
    t.setDaemon(true);
    t.start();
    return n;
  }

  @Test
  void killedSavesLeaveNothingThatRepairDoesNotFix() throws Exception {
    LaminSetup setup = Backend.setup(tmp);
    String r = storageRoot();
    setup
        .init(backend().options(r == null ? tmp.resolve("storage").toString() : r, "crash"))
        .close();
    Random rnd = new Random(15);
    int kills = 0;
    int halts = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      boolean injected = trial % 3 != 2;
      String fault = injected ? FAULTS[trial % FAULTS.length] + ":" + (1 + rnd.nextInt(2)) : null;
      Process p = child(setup, trial, fault);
      AtomicInteger saved = countSaves(p);
      if (injected) {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("trial %d halts", trial).isTrue();
        if (p.exitValue() == 137) {
          halts++;
        }
      } else {
        int target = rnd.nextInt(3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (saved.get() < target && p.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        Thread.sleep(rnd.nextInt(400));
        if (p.isAlive()) {
          kills++;
        }
        p.destroyForcibly().waitFor();
      }
    }
    try (LaminDB ln = setup.connect("crash")) {
      List<String> fixed = ln.repair(RepairOptions.defaults().grace(Duration.ZERO));
      assertThat(fixed).noneMatch(l -> l.startsWith("missing"));
      int[] counts = check(ln);
      System.out.printf(
          "crash campaign (%s, %s): %d trials, %d SIGKILLs, %d fault-point halts, %d repairs,"
              + " %d rows checked, %d mismatches, %d dedup re-saves%n",
          backend(),
          r == null ? "local" : "s3",
          TRIALS,
          kills,
          halts,
          fixed.size(),
          counts[0],
          counts[1],
          counts[2]);
      assertThat(halts).as("fault points reached").isPositive();
      assertThat(counts[1]).as("hash mismatches").isZero();
    }
  }

  /**
   * @return {rows checked, hash mismatches, dedup re-saves}
   */
  private int[] check(LaminDB ln) throws Exception {
    StorageBackend b =
        ArtifactFiles.of(Access.instance(ln)).backend(ln.storage().id(), ln.storage().root());
    Set<String> referenced = new HashSet<>();
    int rows = 0;
    int mismatches = 0;
    List<Artifact> all = ln.artifacts().list();
    for (Artifact a : all) {
      String key = a.path().substring(b.root().length() + 1);
      referenced.add(key);
      assertThat(b.stat(key)).as("content of " + a.uid()).isPresent();
      if (!Hashing.hashFile(a.cache()).hash().equals(a.hash())) {
        mismatches++;
      }
      rows++;
    }
    for (ObjectStat o : b.list(".lamindb")) {
      String k = o.key();
      if (k.endsWith("storage_uid.txt") || k.contains("/lamin.db")) {
        continue;
      }
      assertThat(referenced).as("file without row").contains(k);
    }
    assertThat(ln.repair(RepairOptions.defaults().dryRun(true).grace(Duration.ZERO))).isEmpty();
    int dedup = 0;
    for (Artifact a : all.subList(0, Math.min(3, all.size()))) {
      Path copy = tmp.resolve("again-" + a.uid() + ".bin");
      Files.copy(a.cache(), copy);
      Artifact again = ln.artifact(copy).key("again/" + a.uid() + ".bin").save();
      assertThat(again.uid()).as("dedup of " + a.uid()).isEqualTo(a.uid());
      dedup++;
    }
    return new int[] {rows, mismatches, dedup};
  }
}
