import java.nio.file.Files;
import java.nio.file.Path;
import org.lamindb.LaminDB;
import org.lamindb.model.Artifact;

/**
 * The quickstart as a single-file Java program: connect to the current instance, save a file, query it, describe
 * it, load it. Run with {@code java -cp lamindb-cli/target/lamin.jar examples/Quickstart.java}.
 */
public class Quickstart {
  public static void main(String[] args) throws Exception {
    try (LaminDB ln = LaminDB.connect()) {
      Path fasta = Files.writeString(Files.createTempDirectory("quickstart").resolve("sample.fasta"), ">seq1\nACGT\n");
      Artifact saved = ln.artifact(fasta).key("sample.fasta").description("a first sequence").save();
      System.out.println("saved " + saved.uid() + " at " + saved.path());

      Artifact found = ln.artifacts().get("key", "sample.fasta");
      found.describe();
      System.out.println("content: " + Files.readString(found.cache()).strip());
    }
  }
}
