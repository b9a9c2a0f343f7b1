import java.nio.file.Files;
import java.nio.file.Path;
import org.lamindb.LaminDB;
import org.lamindb.lineage.TrackOptions;

/**
 * Overhead of lineage tracking on a trivial program: times {@code ln.track()} + {@code ln.finish()} around a
 * program that writes one small file (not saved, so only the tracking is measured). The first cycle in a JVM is
 * the cold one a real program pays; later cycles show the warm cost.
 *
 * <p>Arguments: number of warm cycles. Prints {@code cold_ms=<x> warm_median_ms=<y> connect_ms=<z>}.
 */
public class TrackBench {
  public static void main(String[] args) throws Exception {
    int warm = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    long c0 = System.nanoTime();
    try (LaminDB ln = LaminDB.connect()) {
      long c1 = System.nanoTime();
      long t0 = System.nanoTime();
      ln.track();
      Files.writeString(Path.of("trivial.txt"), "x\n");
      ln.finish();
      long t1 = System.nanoTime();
      double[] w = new double[warm];
      for (int i = 0; i < warm; i++) {
        long s = System.nanoTime();
        ln.track(TrackOptions.detect().captureOutput(true));
        Files.writeString(Path.of("trivial.txt"), "x" + i + "\n");
        ln.finish();
        w[i] = (System.nanoTime() - s) / 1e6;
      }
      java.util.Arrays.sort(w);
      System.err.printf("cold_ms=%.1f warm_median_ms=%.1f connect_ms=%.1f%n", (t1 - t0) / 1e6,
          warm == 0 ? Double.NaN : w[warm / 2], (c1 - c0) / 1e6);
    }
  }
}
