import java.nio.file.Path;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.model.Disease;
import org.lamindb.model.Artifact;

/**
 * The seed README's "Query databases" section against a locally published instance (examples/db.sh):
 * {@code publish <h5ad> <MONDO json>} fills the current instance; {@code query owner/name} opens it
 * read-only through the catalog from another LAMIN_HOME, as {@code ln.DB("laminlabs/cellxgene")}.
 */
public class Db {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("publish")) {
      try (LaminDB ln = LaminDB.connect()) {
        Bionty bt = ln.module(Bionty.class);
        System.out.println(bt.diseases().importSource(Path.of(args[2]), "mondo", "2025-05-06"));
        Artifact a =
            ln.artifact(Path.of(args[1]))
                .key("cellxgene/example.h5ad")
                .description("cellxgene example")
                .save();
        Disease alz = bt.diseases().query().get("name", "Alzheimer disease");
        a.labels().of("diseases").add(alz);
        System.out.println("saved " + a.uid());
      }
      return;
    }
    // db = ln.DB("laminlabs/cellxgene")
    try (LaminDB db = LaminSetup.fromEnvironment().db(args[1])) {
      // db.Artifact.to_dataframe()
      System.out.println(db.artifacts().toDataFrame().selectColumns("uid", "key", "suffix").print());
      // db.Artifact.get(uid)
      String uid = db.artifacts().filter("key", "cellxgene/example.h5ad").one().uid();
      Artifact artifact = db.artifacts().get(uid);
      System.out.println("got " + artifact.key() + " (" + artifact.size() + " bytes)");
      // alzheimers = db.bionty.Disease.get(name="Alzheimer disease")
      Disease alzheimers = db.module(Bionty.class).diseases().query().get("name", "Alzheimer disease");
      System.out.println("disease: " + alzheimers.name() + " " + alzheimers.ontologyId());
      // db.Artifact.filter(diseases=alzheimers).to_dataframe()
      System.out.println(
          "filtered: " + db.artifacts().filter("diseases", alzheimers).list().size() + " artifact(s)");
      System.out.println("read-only: " + db.isReadOnly());
    }
  }
}
