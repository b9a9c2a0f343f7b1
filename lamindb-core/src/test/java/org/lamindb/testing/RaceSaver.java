package org.lamindb.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;

/**
 * A child process for the repair race test: saves {@code count} small files with distinct keys and
 * prints {@code saved <uid>} or {@code failed <message>} for each (it keeps going after a failure).
 *
 * <p>Arguments: settingsHome instance workDir count seed
 */
public final class RaceSaver {
  private RaceSaver() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    Path work = Files.createDirectories(Path.of(args[2]));
    int count = Integer.parseInt(args[3]);
    long seed = Long.parseLong(args[4]);
    Random rnd = new Random(seed);
    try (LaminDB ln = LaminSetup.at(home, Map.of()).connect(args[1])) {
      for (int i = 0; i < count; i++) {
        Path f = work.resolve("f" + seed + "_" + i + ".txt");
        byte[] content = new byte[64 + rnd.nextInt(2048)];
        rnd.nextBytes(content);
        Files.write(f, content);
        try {
          var a = ln.artifact(f).description("race " + seed + " " + i).save();
          System.out.println("saved " + a.uid());
        } catch (RuntimeException e) {
          System.out.println("failed " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
        System.out.flush();
        Files.delete(f);
      }
    }
  }
}
