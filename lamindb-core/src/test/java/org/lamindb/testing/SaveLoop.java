package org.lamindb.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;

/**
 * A child process for crash and concurrency tests: saves {@code count} small files (keys drawn from
 * {@code keys} names, so versions form) and prints {@code saved <uid>} after each.
 *
 * <p>Arguments: settingsHome instance workDir count seed keys
 */
public final class SaveLoop {
  private SaveLoop() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    String instance = args[1];
    Path work = Files.createDirectories(Path.of(args[2]));
    int count = Integer.parseInt(args[3]);
    long seed = Long.parseLong(args[4]);
    int keys = Integer.parseInt(args[5]);
    Random rnd = new Random(seed);
    try (LaminDB ln = LaminSetup.at(home, Map.of()).connect(instance)) {
      for (int i = 0; i < count; i++) {
        Path f = work.resolve("f" + seed + "_" + i + ".txt");
        byte[] content = new byte[64 + rnd.nextInt(4096)];
        rnd.nextBytes(content);
        Files.write(f, content);
        var a = ln.artifact(f).key("k/" + rnd.nextInt(keys) + ".txt").save();
        System.out.println("saved " + a.uid());
        System.out.flush();
        Files.delete(f);
      }
    }
  }
}
