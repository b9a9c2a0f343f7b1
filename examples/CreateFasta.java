import java.nio.file.Files;
import java.nio.file.Path;
import org.lamindb.LaminDB;
import org.lamindb.model.Artifact;

/**
 * The seed README's {@code create-fasta.py} as a single-file Java program: track this program, create a dataset,
 * save it, finish the run — then look at the lineage that was recorded.
 *
 * <p>Run with {@code java -cp lamindb-cli/target/lamin.jar examples/CreateFasta.java} on a current instance ({@code
 * lamin init --storage ./mydata}). The transform is this file (key {@code CreateFasta.java}), versioned by its
 * source; the run records the JVM, host, class path (environment artifact) and this program's output (report).
 * Afterwards {@code lamin lineage sample.fasta --format svg --out lineage.svg} draws the graph.
 */
public class CreateFasta {
  public static void main(String[] args) throws Exception {
    try (LaminDB ln = LaminDB.connect()) {
      ln.track();                                                          // track code execution
      Files.writeString(Path.of("sample.fasta"), ">seq1\nACGT\n");         // create dataset
      ln.artifact(Path.of("sample.fasta")).key("sample.fasta").save();     // save dataset
      ln.finish();                                                         // mark run as finished

      Artifact artifact = ln.artifacts().get("key", "sample.fasta");      // get artifact by key
      artifact.describe();                                                 // context of the artifact
      artifact.viewLineage();                                              // lineage as a Mermaid flowchart
      System.out.println("run: " + artifact.run().uid() + " (" + artifact.run().status().label() + ")");
      System.out.println("transform: " + artifact.transform().key() + " version " + artifact.transform().version());
    }
  }
}
