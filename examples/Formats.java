import java.nio.file.Path;
import org.lamindb.LaminDB;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.MuData;
import org.lamindb.model.Artifact;

/**
 * MuData artifacts and what AnnData reading skips: loads one modality of a saved {@code .h5mu}, and reads an
 * anndata 0.6 file and a file with every on-disk encoding, printing the skipped elements. Run with
 * {@code java -cp lamindb-cli/target/lamin.jar examples/Formats.java <fixtures folder>} on an instance where
 * {@code mdata/small.h5mu} was saved (see examples/formats.sh).
 */
public class Formats {
  public static void main(String[] args) {
    Path fixtures = Path.of(args[0]);
    try (LaminDB ln = LaminDB.connect()) {
      Artifact a = ln.artifacts().get("key", "mdata/small.h5mu");
      MuData m = a.load(MuData.class);
      AnnData rna = m.mod("rna");
      System.out.println("otype " + a.otype() + ", modalities " + m.modalities());
      System.out.println("rna " + rna.nObs() + " x " + rna.nVars() + ", cell types " + rna.obs().stringColumn("ct").asList());
    }
    AnnData legacy = AnnData.read(fixtures.resolve("legacy-0.6.h5ad"));
    System.out.println("anndata 0.6 obsm: " + legacy.obsm().keySet() + ", raw var: " + legacy.raw().var().rowCount());
    AnnData spec = AnnData.read(fixtures.resolve("spec-encodings.zarr"));
    System.out.println("uns keys: " + spec.uns().keySet());
    spec.warnings().forEach(w -> System.out.println("warning: " + w.replace(fixtures.toString(), "<fixtures>")));
  }
}
