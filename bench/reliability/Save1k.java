import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;

/**
 * Median wall time of one {@code ln.artifact(file).key(..).save()} of a fresh 1 KiB file (the
 * crash-safety path: intent, upload, verify, locked move + insert), after a warm-up.
 *
 * <p>Usage: java -cp lamin.jar Save1k.java workDir n [postgresUrl]
 */
public class Save1k {
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    LaminSetup setup = LaminSetup.at(work.resolve("home"), Map.of("LAMIN_CACHE_DIR", work.resolve("cache").toString()));
    InitOptions o = InitOptions.storage(work.resolve("storage").toString()).name("bench");
    if (args.length > 2) {
      o = o.db(args[2]);
    }
    Random rnd = new Random(1);
    byte[] b = new byte[1024];
    try (LaminDB ln = setup.init(o)) {
      int warm = Math.max(20, n / 5);
      long[] t = new long[n];
      for (int i = 0; i < warm + n; i++) {
        rnd.nextBytes(b);
        Path f = Files.write(work.resolve("f.bin"), b);
        long t0 = System.nanoTime();
        ln.artifact(f).key("bench/f" + i + ".bin").save();
        long dt = System.nanoTime() - t0;
        if (i >= warm) {
          t[i - warm] = dt;
        }
      }
      Arrays.sort(t);
      System.out.printf("median %.3f ms  p90 %.3f ms  (n=%d, %s)%n", t[n / 2] / 1e6, t[n * 9 / 10] / 1e6, n,
          args.length > 2 ? "PostgreSQL" : "SQLite");
    }
  }
}
