import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lamindb.LaminDB;
import org.lamindb.bionty.Bionty;
import org.lamindb.bionty.GraphFormat;
import org.lamindb.bionty.model.CellType;

/**
 * Ontologies with the bionty module: source versions from an ontology_info.json, importing the
 * current source (fetched once into the cache; here a file: URL stands in for the release URL),
 * a gene table, validation, standardization and the hierarchy. Run against the current instance
 * (with --modules bionty): {@code java -cp lamin.jar examples/Ontologies.java <ontologies folder>}.
 */
public class Ontologies {
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]).toAbsolutePath();
    try (LaminDB ln = LaminDB.connect()) {
      Bionty bt = ln.module(Bionty.class);

      // 1. which version of which ontology a registry uses: the cellxgene ontology_info.json layout
      Path info = Files.createTempFile("ontology_info", ".json");
      Files.writeString(
          info,
          "{\"1.0.0\": {\"ontologies\": {\"CL\": {\"version\": \"v2025-04-10\","
              + " \"source\": \"" + data.toUri() + "{filename}\","
              + " \"filename\": \"CL-ontology-v2025-04-10.json\"}}}}");
      bt.syncSources(info);
      System.out.println("current CellType source: " + bt.cellTypes().currentSource());

      // 2. import it (downloaded once into the cache for http(s) URLs) and a gene table
      System.out.println(bt.cellTypes().importSource());
      System.out.println(
          bt.genes()
              .importSource(
                  data.resolve("genes_homo_sapiens.csv.gz"),
                  data.resolve("hgnc_complete_set.txt.gz"),
                  "human"));

      // 3. validate, inspect, standardize
      List<String> values = List.of("T cell", "t cell", "T-cell", "unicorn");
      boolean[] ok = bt.cellTypes().validate(values);
      System.out.println("validated: " + ok[0] + ", " + ok[1] + ", " + ok[2] + ", " + ok[3]);
      var report = bt.cellTypes().inspect(values, "name");
      System.out.println("non-validated: " + report.nonValidated());
      System.out.println("standardized: " + bt.cellTypes().standardize(values));
      System.out.println(
          "genes: " + bt.genes().standardize(List.of("FANCD1", "BRCA2", "TCF-1"), "human"));
      boolean[] ids =
          bt.genes().validate(List.of("ENSG00000139618", "ENSG00000000000"), "ensembl_gene_id");
      System.out.println("ensembl ids validated: " + ids[0] + ", " + ids[1]);

      // 4. a registry is a query set, as ln.ulabels() is
      System.out.println(
          "queried: "
              + bt.cellTypes()
                  .filter("ontology_id", "CL:0000084")
                  .toDataFrame()
                  .stringColumn("name")
                  .get(0));
      System.out.println("searched: " + bt.cellTypes().search("T cell").first().orElseThrow().name());

      // 5. hierarchy
      CellType t = bt.cellTypes().get("CL:0000084");
      System.out.println(
          "parents of T cell: "
              + bt.cellTypes().parents(t).stream().map(CellType::name).toList());
      System.out.println(bt.cellTypes().viewParents(t, GraphFormat.MERMAID).lines().findFirst().orElse(""));
    }
  }
}
