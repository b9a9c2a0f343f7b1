import java.nio.file.Files;
import java.nio.file.Path;
import org.lamindb.LaminDB;

/** The seed's create-fasta program without tracking: connect, write a FASTA file, save it as an artifact. */
public class Trivial {
  public static void main(String[] args) throws Exception {
    try (LaminDB ln = LaminDB.connect()) {
      Files.writeString(Path.of("sample.fasta"), ">seq" + System.nanoTime() + "\nACGT\n");
      ln.artifact(Path.of("sample.fasta")).key("sample.fasta").save();
    }
  }
}
