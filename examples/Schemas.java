import java.nio.file.Path;
import java.util.Map;
import org.lamindb.LaminDB;
import org.lamindb.curate.Curator;
import org.lamindb.curate.ValidationReport;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Schema;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Composing schemas and curating an AnnData (docs/schemas.md): the seed README's 21 x 10 AnnData, a composite schema
 * with an obs slot (an optional member, flexible) and a var.T slot of Ensembl gene ids, the report, standardize,
 * addNewFrom and save. Writes the AnnData to the path given as first argument for `lamin curate` (examples/schemas.sh).
 */
public class Schemas {
  public static void main(String[] args) {
    try (LaminDB ln = LaminDB.connect()) {
      ln.ulabel("T cell").save();
      ln.ulabel("B cell").save();
      Feature cellType = ln.feature("cell_type_by_model", Dtype.ULABEL).save();
      Feature donor = ln.feature("donor", Dtype.STR).save();

      // pandera-style parts, composed into one AnnData schema
      Schema obs = ln.schema("scrna_obs").features(cellType, donor.optional()).flexible(true).save();
      Schema genes = ln.schema("ensembl_genes").itype("bionty.Gene.ensembl_gene_id").save();
      Schema scrna = ln.schema("scrna").otype("AnnData").slots(Map.of("obs", obs, "var.T", genes)).save();
      scrna.describe();

      // the seed README's AnnData: 21 cells x 10 genes; one value uses other casing
      double[][] x = new double[21][10];
      for (double[] row : x) {
        java.util.Arrays.fill(row, 1);
      }
      String[] types = new String[21];
      String[] cells = new String[21];
      for (int i = 0; i < 21; i++) {
        types[i] = new String[] {"T cell", "B cell", "NK cell"}[i % 3];
        cells[i] = "cell" + i;
      }
      types[1] = "b cell";
      String[] ids = new String[10];
      for (int i = 0; i < 10; i++) {
        ids[i] = String.format("ENSG%011d", i);
      }
      AnnData adata = new AnnData(DenseMatrix.of(x),
          Table.create("obs", StringColumn.create("_index", cells), StringColumn.create("cell_type_by_model", types)),
          Table.create("var", StringColumn.create("_index", ids)));
      adata.write(Path.of(args[0]));

      Curator curator = ln.curator(adata, scrna);
      System.out.println("valid: " + curator.validate());
      ValidationReport report = curator.report();
      System.out.println(report.toText());
      System.out.println("standardized: " + curator.standardize("obs", "cell_type_by_model"));
      System.out.println("created: " + curator.addNewFrom("obs", "cell_type_by_model"));
      System.out.println("valid: " + curator.validate());
      Artifact a = curator.save("my_datasets/scrna.h5ad");
      System.out.println("saved " + a.key() + " with schema " + a.schema().name());
    }
  }
}
