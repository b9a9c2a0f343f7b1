import java.nio.file.Files;
import java.nio.file.Path;
import org.lamindb.LaminDB;

/** The trivial program without tracking: connect, write one small file. */
public class Trivial {
  public static void main(String[] args) throws Exception {
    try (LaminDB ln = LaminDB.connect()) {
      Files.writeString(Path.of("trivial.txt"), "x\n");
    }
  }
}
