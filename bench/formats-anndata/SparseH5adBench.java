import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.formats.anndata.AnnDataFormatProvider;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.Matrix;
import org.lamindb.formats.anndata.SparseMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * End-to-end benchmark: generates an n_obs x n_vars CSR .h5ad at the given density (default 100,000 x 30,000 at
 * 5%), then times reading X, reading obs, lazy row slices and inspect. Prints figures only; compare them with
 * the raw read rate of the same file that run.sh measures with cat.
 *
 * <p>Usage: {@code SparseH5adBench <file.h5ad> [nObs] [nVars] [density] [--reuse|--reuse-lazy-only]};
 * {@code -Dbench.gzip=true} writes deflate-compressed arrays.
 */
public final class SparseH5adBench {
  private SparseH5adBench() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int nObs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int nVars = args.length > 2 ? Integer.parseInt(args[2]) : 30_000;
    double density = args.length > 3 ? Double.parseDouble(args[3]) : 0.05;
    boolean reuse = args.length > 4 && args[4].startsWith("--reuse") && Files.exists(file);
    boolean lazyOnly = args.length > 4 && args[4].equals("--reuse-lazy-only");
    System.out.printf("jvm: %s %s, max heap %d MiB, cpus %d%n", System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    if (!reuse) {
      long t0 = System.nanoTime();
      AnnData a = generate(nObs, nVars, density);
      long t1 = System.nanoTime();
      a.writeH5ad(file, Boolean.getBoolean("bench.gzip"));
      long t2 = System.nanoTime();
      System.out.printf("generate %.1f s, write .h5ad %.1f s (nnz %d)%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
          ((SparseMatrix) a.x()).nnz());
    }
    long size = Files.size(file);
    System.out.printf("file %s: %.1f MiB%n", file, size / 1048576.0);

    long t0 = System.nanoTime();
    var info = new AnnDataFormatProvider().inspect(file, ".h5ad").orElseThrow();
    long t1 = System.nanoTime();
    System.out.printf("inspect (metadata only): %.3f s -> %s%n", (t1 - t0) / 1e9, info.summary().get(0));

    try (AnnDataAccessor acc = AnnData.open(file)) {
      for (String run : new String[] {"cold", "warm"}) {
        t0 = System.nanoTime();
        Table obs = run.equals("cold") ? acc.obs() : AnnData.open(file).obs();
        t1 = System.nanoTime();
        System.out.printf("read obs %s (%d rows x %d cols): %.3f s%n", run, obs.rowCount(),
            obs.columnCount(), (t1 - t0) / 1e9);
      }
      double secs;
      for (int run = 0; run < (lazyOnly ? 0 : 2); run++) {
        t0 = System.nanoTime();
        Matrix x = acc.xRows(0, acc.nObs());
        t1 = System.nanoTime();
        secs = (t1 - t0) / 1e9;
        System.out.printf("read X whole, run %d (%s nnz %d): %.2f s = %.1f MiB/s of file%n", run + 1,
            x.dtype(), ((SparseMatrix) x).nnz(), secs, size / 1048576.0 / secs);
        x = null;
      }
      int block = 10_000;
      t0 = System.nanoTime();
      long nnz = 0;
      for (long i = 0; i < acc.nObs(); i += block) {
        nnz += ((SparseMatrix) acc.xRows(i, Math.min(acc.nObs(), i + block))).nnz();
      }
      t1 = System.nanoTime();
      secs = (t1 - t0) / 1e9;
      System.out.printf("read X in %d-row slices: %.2f s = %.1f MiB/s (nnz %d)%n", block, secs,
          size / 1048576.0 / secs, nnz);
    }
    System.out.printf("peak heap used: %d MiB%n", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
        .getUsed() >> 20);
  }

  static AnnData generate(int nObs, int nVars, double density) {
    Random random = new Random(42);
    int perRow = (int) Math.round(nVars * density);
    long nnz = (long) perRow * nObs;
    float[] data = new float[Math.toIntExact(nnz)];
    int[] indices = new int[data.length];
    long[] indptr = new long[nObs + 1];
    int k = 0;
    int stride = nVars / perRow;
    for (int r = 0; r < nObs; r++) {
      int offset = random.nextInt(stride);
      for (int j = 0; j < perRow; j++) {
        indices[k] = j * stride + offset;
        data[k++] = 1 + random.nextInt(20);
      }
      indptr[r + 1] = k;
    }
    SparseMatrix x = new SparseMatrix(SparseMatrix.Format.CSR, data, DType.FLOAT32, indices, indptr, nObs, nVars);
    StringColumn obsIndex = StringColumn.create("_index");
    StringColumn cellType = StringColumn.create("cell_type");
    DoubleColumn counts = DoubleColumn.create("total_counts");
    String[] types = {"T", "B", "NK", "Mono", "DC"};
    for (int r = 0; r < nObs; r++) {
      obsIndex.append("cell" + r);
      cellType.append(types[r % types.length]);
      counts.append(random.nextDouble() * 1000);
    }
    StringColumn varIndex = StringColumn.create("_index");
    for (int j = 0; j < nVars; j++) {
      varIndex.append(String.format("ENSG%011d", j));
    }
    return new AnnData(x, Table.create("obs", obsIndex, cellType, counts), Table.create("var", varIndex));
  }
}
