import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.model.Artifact;
import org.lamindb.model.Dtype;
import org.lamindb.model.Project;
import org.lamindb.model.Record;
import org.lamindb.model.ULabel;
import org.lamindb.query.Include;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The snippets of LaminDB's README in Java, in order: labels, queries by fields and features, LIMS records,
 * DataFrames, versions and ontologies. Run against the current instance (with the bionty module enabled):
 * {@code java -cp lamindb-cli/target/lamin.jar examples/SeedReadme.java [path/to/cl-basic.obo]}.
 */
public class SeedReadme {
  public static void main(String[] args) throws Exception {
    try (LaminDB ln = LaminDB.connect()) {
      Path dir = Files.createTempDirectory("seed-readme");
      Artifact artifact =
          ln.artifact(Files.writeString(dir.resolve("sample.fasta"), ">seq1\nACGT\n")).key("sample.fasta").save();

      // Labeling & queries by fields
      ULabel myLabel = ln.ulabel("My label").save();
      Project project = ln.project("My project").save();
      artifact.ulabels().add(myLabel);
      artifact.projects().add(project);
      System.out.println(ln.artifacts().filter("ulabels", myLabel).filter("projects", project).toDataFrame().print());
      System.out.println("size > 1e6: " + ln.artifacts().filter("size__gt", 1_000_000L).count());
      System.out.println(ln.artifacts().toDataFrame(Include.fields("created_by__name", "storage__root")).print());

      // Queries by features
      ln.feature("gc_content", Dtype.FLOAT).save();
      ln.feature("experiment_note", Dtype.STR).save();
      ln.feature("experiment_date", Dtype.DATE).coerce(true).save();
      artifact.features().addValues(Map.of(
          "gc_content", 0.55, "experiment_note", "Looks great", "experiment_date", "2025-10-24"));
      System.out.println("by experiment_date: " + ln.artifacts().filter("experiment_date", "2025-10-24").count());
      System.out.println(ln.artifacts().toDataFrame(Include.FEATURES).print());

      // Lake ♾️ LIMS ♾️ Sheets
      Record sample = ln.record("Sample").isType(true).save();
      ln.record("P53mutant1").type(sample).save();
      ln.record("P53mutant2").type(sample).save();
      ln.feature("design_sample", Dtype.of(sample)).save();
      artifact.features().addValues(Map.of("design_sample", "P53mutant1"));
      System.out.println(ln.records().search("p53").toDataFrame().print());

      // Data versioning
      Artifact v2 =
          ln.artifact(Files.writeString(dir.resolve("sample.fasta"), ">seq1\nTGCA\n")).key("sample.fasta").save();
      v2.features().addValues(Map.of("design_sample", "P53mutant1"));
      Artifact latest = ln.artifacts().get("key", "sample.fasta");
      System.out.println("latest version: " + latest.version() + ", versions: " + latest.versions().count());

      // Lakehouse: a DataFrame as a Parquet artifact
      Table df = Table.create("sequences",
          StringColumn.create("sequence_str", "ACGT", "TGCA"),
          DoubleColumn.create("gc_content", 0.55, 0.54),
          StringColumn.create("experiment_note", "Looks great", "Ok"),
          DateColumn.create("experiment_date", List.of(LocalDate.of(2025, 10, 24), LocalDate.of(2025, 10, 25))));
      Artifact table = ln.artifact(df).key("my_datasets/sequences.parquet").save();
      System.out.println("parquet rows: " + table.load(Table.class).rowCount() + ", otype " + table.otype());
      table.describe();

      // Lakehouse ♾️ feature store: columns that are registered features are validated and annotated
      ln.feature("sequence_str", Dtype.STR).save();
      Artifact curated =
          ln.artifact(df).key("my_datasets/sequences.parquet").schema("valid_features").save();
      System.out.println("validated with schema: " + curated.schema().name() + " (" + curated.schema().uid() + ")");
      curated.describe();

      // Lakehouse beyond tables: an AnnData, obs validated by features, var by Ensembl gene ids
      AnnData adata = new AnnData(
          DenseMatrix.of(new double[][] {{1, 0}, {0, 2}}),
          Table.create("obs", StringColumn.create("_index", "cell1", "cell2"),
              StringColumn.create("sequence_str", "ACGT", "TGCA")),
          Table.create("var", StringColumn.create("_index", "ENSG00000141510", "ENSG00000012048")));
      Artifact scrna = ln.artifact(adata).key("my_datasets/scrna.h5ad")
          .schema("ensembl_gene_ids_and_valid_features_in_obs").save();
      System.out.println("AnnData validated with schema: " + scrna.schema().name());

      // Ontologies (bionty), from a local OBO file when given
      if (args.length > 0) {
        Bionty bt = ln.module(Bionty.class);
        bt.cellTypes().importSource(Path.of(args[0]));
        boolean[] ok = bt.cellTypes().validate(List.of("T cell", "not a cell type"));
        System.out.println("cell types validated: " + ok[0] + ", " + ok[1]);
      }
      artifact.describe();
    }
  }
}
