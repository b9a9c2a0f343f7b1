import java.nio.file.Files;
import java.nio.file.Path;
import org.lamindb.LaminDB;

/** The seed's create-fasta program with tracking: connect, track, write and save a FASTA file, finish. */
public class TrivialTracked {
  public static void main(String[] args) throws Exception {
    try (LaminDB ln = LaminDB.connect()) {
      ln.track();
      Files.writeString(Path.of("sample.fasta"), ">seq" + System.nanoTime() + "\nACGT\n");
      ln.artifact(Path.of("sample.fasta")).key("sample.fasta").save();
      ln.finish();
    }
  }
}
