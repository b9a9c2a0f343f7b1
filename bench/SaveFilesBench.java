import java.nio.file.Path;
import java.util.Map;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;

/** P1 (API bulk path): registers every file of a folder as its own artifact; prints the wall time. */
public class SaveFilesBench {
  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    Path work = Path.of(args[1]);
    String db = args.length > 2 ? args[2] : null;
    LaminSetup setup = LaminSetup.at(work.resolve("home"), Map.of("LAMIN_CACHE_DIR", work.resolve("cache").toString()));
    InitOptions o = InitOptions.storage(work.resolve("data").toString()).name("p1");
    try (LaminDB ln = setup.init(db == null ? o : o.db(db))) {
      long t0 = System.nanoTime();
      int n = ln.saveFiles(folder, "p1").size();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("P1 API bulk (%s): %d files in %d ms (%.0f files/s)%n",
          db == null ? "SQLite" : "PostgreSQL", n, ms, n * 1000.0 / ms);
    }
  }
}
