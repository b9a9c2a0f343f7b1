package org.lamindb.testing;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;

/**
 * A child process for the crash campaign: saves {@code count} files of 1 KiB to 50 MiB (mostly
 * small; content from {@code seed}) and prints {@code saved <uid>} after each. The parent kills it
 * at a random moment, or {@code -Dlamindb.test.fault=<point>} halts it inside a save.
 *
 * <p>Arguments: settingsHome instance workDir count seed maxBytes
 */
public final class CrashSaver {
  private CrashSaver() {}

  /**
   * @return the size of file {@code i}: 1 KiB, 64 KiB, 1 MiB or, rarely, {@code maxBytes}
   */
  static int size(Random rnd, int maxBytes) {
    int r = rnd.nextInt(10);
    int s = r < 5 ? 1024 : r < 8 ? 65_536 : r < 9 ? 1_048_576 : maxBytes;
    return Math.min(s, maxBytes);
  }

  public static void main(String[] args) throws Exception {
    Path work = Files.createDirectories(Path.of(args[2]));
    int count = Integer.parseInt(args[3]);
    long seed = Long.parseLong(args[4]);
    int maxBytes = Integer.parseInt(args[5]);
    Random rnd = new Random(seed);
    try (LaminDB ln = LaminSetup.at(Path.of(args[0]), Map.of()).connect(args[1])) {
      for (int i = 0; i < count; i++) {
        Path f = work.resolve("c" + seed + "_" + i + ".bin");
        int size = size(rnd, maxBytes);
        byte[] block = new byte[Math.min(size, 1 << 20)];
        rnd.nextBytes(block);
        try (OutputStream out = Files.newOutputStream(f)) {
          for (int done = 0; done < size; done += block.length) {
            out.write(block, 0, Math.min(block.length, size - done));
          }
        }
        var a = ln.artifact(f).key("crash/" + rnd.nextInt(4) + ".bin").save();
        System.out.println("saved " + a.uid());
        System.out.flush();
        Files.delete(f);
      }
    }
  }
}
