import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;

/**
 * Wall time of LaminDB.connect() (open + schema check + user/storage lookup) on a SQLite and, when
 * LAMIN_TEST_POSTGRES_URL names a server database, a PostgreSQL instance; cold (first in this JVM) and warm.
 */
public class ConnectBench {
  public static void main(String[] args) throws Exception {
    Path tmp = Files.createTempDirectory("connect-bench");
    LaminSetup setup = LaminSetup.at(tmp.resolve("home"), Map.of());
    setup.init(InitOptions.storage(tmp.resolve("sqlite").toString()).name("sqlite")).close();
    String pg = args.length > 0 ? args[0] : null;
    if (pg != null) {
      setup.init(InitOptions.storage(tmp.resolve("pg").toString()).db(pg).name("pg")).close();
    }
    for (String name : pg == null ? new String[] {"sqlite"} : new String[] {"sqlite", "pg"}) {
      long[] ms = new long[21];
      for (int i = 0; i < ms.length; i++) {
        long t0 = System.nanoTime();
        try (LaminDB ln = setup.connect(name)) {
          ln.storage();
        }
        ms[i] = (System.nanoTime() - t0) / 1_000;
      }
      long first = ms[0];
      long[] warm = Arrays.copyOfRange(ms, 1, ms.length);
      Arrays.sort(warm);
      System.out.printf("LaminDB.connect() %-6s first after init: %6.1f ms   warm median: %5.1f ms   warm min: %5.1f ms%n",
          name, first / 1000.0, warm[warm.length / 2] / 1000.0, warm[0] / 1000.0);
    }
  }
}
