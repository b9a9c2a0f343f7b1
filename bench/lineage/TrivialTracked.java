import java.nio.file.Files;
import java.nio.file.Path;
import org.lamindb.LaminDB;

/** The trivial program with tracking: connect, track, write one small file, finish. */
public class TrivialTracked {
  public static void main(String[] args) throws Exception {
    try (LaminDB ln = LaminDB.connect()) {
      ln.track();
      Files.writeString(Path.of("trivial.txt"), "x\n");
      ln.finish();
    }
  }
}
