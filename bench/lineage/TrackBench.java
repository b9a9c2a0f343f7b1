import java.nio.file.Files;
import java.nio.file.Path;
import org.lamindb.LaminDB;

/**
 * Overhead of lineage tracking inside one JVM. {@code bare_cold_ms}: the first {@code track()} + {@code finish()}
 * of a program that has not touched the database yet (it also pays loading the classes that write rows and store
 * artifacts); {@code after_save_cold_ms}: the first track+finish in a JVM that already saved one artifact, as the
 * create-fasta program does (the marginal cost of tracking); {@code warm_median_ms}: later cycles.
 *
 * <p>Arguments: mode ({@code bare} or {@code after-save}), number of warm cycles.
 */
public class TrackBench {
  public static void main(String[] args) throws Exception {
    boolean afterSave = args.length > 0 && args[0].equals("after-save");
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    try (LaminDB ln = LaminDB.connect()) {
      if (afterSave) {
        Files.writeString(Path.of("before.fasta"), ">pre" + System.nanoTime() + "\nACGT\n");
        ln.artifact(Path.of("before.fasta")).key("before.fasta").save();
      }
      long t0 = System.nanoTime();
      ln.track();
      ln.finish();
      long t1 = System.nanoTime();
      double[] w = new double[warm];
      for (int i = 0; i < warm; i++) {
        long s = System.nanoTime();
        ln.track();
        ln.finish();
        w[i] = (System.nanoTime() - s) / 1e6;
      }
      java.util.Arrays.sort(w);
      System.err.printf("%s_cold_ms=%.1f warm_median_ms=%.1f%n", afterSave ? "after_save" : "bare", (t1 - t0) / 1e6,
          warm == 0 ? Double.NaN : w[warm / 2]);
    }
  }
}
