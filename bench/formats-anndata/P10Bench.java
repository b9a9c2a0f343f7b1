import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.model.Artifact;

/** P10: save and describe a large .h5ad (run with -Xmx512m); prints times and the peak heap used. */
public class P10Bench {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    Path work = Files.createTempDirectory("p10");
    LaminSetup setup = LaminSetup.at(work.resolve("home"), Map.of("LAMIN_CACHE_DIR", work.resolve("cache").toString()));
    try (LaminDB ln = setup.init(InitOptions.storage(work.resolve("data").toString()).name("p10"))) {
      long t0 = System.nanoTime();
      Artifact a = ln.artifact(file).key("big/" + file.getFileName()).save();
      long t1 = System.nanoTime();
      String tree = a.describeText();
      long t2 = System.nanoTime();
      System.out.print(tree);
      var mem = java.lang.management.ManagementFactory.getMemoryPoolMXBeans();
      long peak = 0;
      for (var pool : mem) {
        if (pool.getType() == java.lang.management.MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf("P10 %s (%.2f GiB): save %.1f s, describe %.0f ms, max heap %d MiB, peak heap used %d MiB%n",
          file.getFileName(), Files.size(file) / (double) (1L << 30), (t1 - t0) / 1e9, (t2 - t1) / 1e6,
          Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
      System.out.println("otype=" + a.otype() + " n_observations=" + a.nObservations());
    }
  }
}
