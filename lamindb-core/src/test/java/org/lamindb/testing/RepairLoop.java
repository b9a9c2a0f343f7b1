package org.lamindb.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.RepairOptions;

/**
 * A child process for the repair race test: runs repair (grace period 0, the most aggressive
 * setting) in a loop until the file {@code stopFile} exists, printing each finding.
 *
 * <p>Arguments: settingsHome instance stopFile
 */
public final class RepairLoop {
  private RepairLoop() {}

  public static void main(String[] args) throws Exception {
    Path stop = Path.of(args[2]);
    try (LaminDB ln = LaminSetup.at(Path.of(args[0]), Map.of()).connect(args[1])) {
      int rounds = 0;
      while (!Files.exists(stop)) {
        try {
          for (String line : ln.repair(RepairOptions.defaults().grace(java.time.Duration.ZERO))) {
            System.out.println(line);
          }
        } catch (RuntimeException e) {
          System.out.println("error " + e.getMessage());
        }
        rounds++;
      }
      System.out.println("rounds " + rounds);
    }
  }
}
