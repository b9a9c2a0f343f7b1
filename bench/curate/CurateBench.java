import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lamindb.InitOptions;
import org.lamindb.LaminDB;
import org.lamindb.LaminSetup;
import org.lamindb.curate.Curator;
import org.lamindb.curate.ValidationReport;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.model.Dtype;
import org.lamindb.model.Feature;
import org.lamindb.model.Schema;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * bench/curate (issue 22): (a) the seed README's 21 x 10 AnnData against
 * ensembl_gene_ids_and_valid_features_in_obs, warm; (b) a DataFrame of N rows x 20 categorical columns against
 * 20 ULabel features (5 labels each); (c) optionally an .h5ad file by path (obs/var only, X never read).
 * Prints median and min of the warm runs; never asserts on time.
 * Usage: java -cp lamindb-cli/target/lamin.jar bench/curate/CurateBench.java [rows=1000000] [h5ad]
 */
public class CurateBench {
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path tmp = Files.createTempDirectory("curate-bench");
    String db = System.getenv("BENCH_DB"); // null = SQLite, else a postgresql:// URL
    InitOptions o = InitOptions.storage(tmp.resolve("data").toString()).modules("bionty");
    if (db != null && !db.isEmpty()) {
      o = InitOptions.storage(tmp.resolve("data").toString()).db(db).name("curatebench" + ProcessHandle.current().pid()).modules("bionty");
    }
    try (LaminDB ln = LaminSetup.at(tmp.resolve("home"), Map.of()).init(o)) {
      System.out.println("backend: " + (db == null || db.isEmpty() ? "sqlite" : "postgresql"));
      seed(ln);
      wide(ln, rows);
      if (args.length > 1) {
        file(ln, Path.of(args[1]));
      }
    }
  }

  static void seed(LaminDB ln) {
    ln.ulabel("T cell").save();
    ln.ulabel("B cell").save();
    ln.ulabel("NK cell").save();
    ln.feature("cell_type_by_model", Dtype.ULABEL).save();
    double[][] x = new double[21][10];
    String[] cells = new String[21];
    String[] types = new String[21];
    for (int i = 0; i < 21; i++) {
      java.util.Arrays.fill(x[i], 1);
      cells[i] = "cell" + i;
      types[i] = new String[] {"T cell", "B cell", "NK cell"}[i % 3];
    }
    String[] ids = new String[10];
    for (int i = 0; i < 10; i++) {
      ids[i] = String.format("ENSG%011d", i);
    }
    AnnData adata = new AnnData(DenseMatrix.of(x),
        Table.create("obs", StringColumn.create("_index", cells), StringColumn.create("cell_type_by_model", types)),
        Table.create("var", StringColumn.create("_index", ids)));
    Schema s = ln.curator(adata, "ensembl_gene_ids_and_valid_features_in_obs").schema();
    time("seed AnnData 21x10 vs ensembl_gene_ids_and_valid_features_in_obs (new curator + validate)", 30,
        () -> ln.curator(adata, s).validate());
  }

  static void wide(LaminDB ln, int rows) {
    List<Feature> features = new ArrayList<>();
    List<StringColumn> cols = new ArrayList<>();
    for (int c = 0; c < 20; c++) {
      String[] labels = new String[5];
      for (int k = 0; k < 5; k++) {
        labels[k] = "c" + c + "_label" + k;
        ln.ulabel(labels[k]).save();
      }
      features.add(ln.feature("cat_" + c, Dtype.ULABEL).save());
      String[] v = new String[rows];
      for (int r = 0; r < rows; r++) {
        v[r] = labels[(r * 31 + c) % 5];
      }
      cols.add(StringColumn.create("cat_" + c, v));
    }
    Table t = Table.create("obs", cols.toArray(new StringColumn[0]));
    Schema s = ln.schema("wide").features(features.toArray(new Feature[0])).save();
    time(rows + " rows x 20 categorical columns vs 20 ULabel features", 5, () -> ln.curator(t, s).validate());
  }

  static void file(LaminDB ln, Path h5ad) {
    long heapBefore = used();
    time(h5ad.getFileName() + " by path vs valid_features obs + var.T (X not read)", 3,
        () -> ln.curator(h5ad, "ensembl_gene_ids_and_valid_features_in_obs").validate());
    System.out.printf("  heap used after: %d MiB (before %d MiB), max heap %d MiB%n", used() >> 20, heapBefore >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    // X streamed: a var.T schema with dtype float makes the curator read X in row chunks (dtype, counts checks)
    Schema floats = ln.schema("bench_floats").itype("bionty.Gene.ensembl_gene_id").dtype("float").save();
    Schema withX = ln.schema("bench_x").otype("AnnData").slots(Map.of("var.T", floats)).save();
    long[] peak = {0};
    Thread sampler = new Thread(() -> { // used heap sampled every 5 ms (the sum of pool peaks would overstate it)
      while (!Thread.currentThread().isInterrupted()) {
        peak[0] = Math.max(peak[0], used());
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    long t0 = System.nanoTime();
    ValidationReport r = ln.curator(h5ad, withX).report();
    long t1 = System.nanoTime();
    sampler.interrupt();
    System.out.printf("| %s with X streamed (var.T dtype float) | %.0f ms | peak heap %d MiB of max %d MiB | X checked: %s |%n",
        h5ad.getFileName(), (t1 - t0) / 1e6, peak[0] >> 20, Runtime.getRuntime().maxMemory() >> 20,
        r.slot("var.T").columns().stream().anyMatch(c -> c.name().equals("X")));
  }

  static long used() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  static void time(String what, int runs, java.util.function.BooleanSupplier body) {
    boolean ok = body.getAsBoolean(); // warm-up
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      ok = body.getAsBoolean();
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    ms.sort(null);
    System.out.printf("%s: valid=%s, warm median %.1f ms, min %.1f ms (%d runs)%n", what, ok, ms.get(ms.size() / 2),
        ms.get(0), runs);
  }
}
