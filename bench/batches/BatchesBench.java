import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.SparseMatrix;
import org.lamindb.ml.Batch;
import org.lamindb.ml.BatchOptions;
import org.lamindb.ml.MappedCollection;
import org.lamindb.ml.MappedOptions;
import org.lamindb.ml.MappedSource;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * P9 (issue 18): generates a collection of CSR AnnData files (h5ad and zarr v3) and measures
 * batches() samples/s, with label weights, mapped().get(i) random access and peak RSS.
 *
 * <p>Usage: BatchesBench generate DIR FILES CELLS GENES DENSITY | run DIR FORMAT(h5ad|zarr) SECONDS
 */
public class BatchesBench {
  static final String[] TYPES = new String[20];

  static {
    for (int i = 0; i < TYPES.length; i++) {
      TYPES[i] = "type_" + (char) ('a' + i);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("generate")) {
      generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Integer.parseInt(args[4]), Double.parseDouble(args[5]));
    } else {
      run(Path.of(args[1]), args[2], Double.parseDouble(args[3]));
    }
  }

  static void generate(Path dir, int files, int cells, int genes, double density) throws Exception {
    Files.createDirectories(dir);
    int perFile = cells / files;
    int perRow = (int) Math.round(genes * density);
    StringColumn var = StringColumn.create("_index");
    for (int g = 0; g < genes; g++) {
      var.append("ENSG" + String.format("%011d", g));
    }
    for (int f = 0; f < files; f++) {
      SplittableRandom rnd = new SplittableRandom(f);
      long nnz = (long) perFile * perRow;
      float[] data = new float[Math.toIntExact(nnz)];
      int[] idx = new int[data.length];
      long[] ptr = new long[perFile + 1];
      int k = 0;
      int stride = genes / perRow;
      for (int r = 0; r < perFile; r++) {
        int off = rnd.nextInt(stride);
        for (int j = 0; j < perRow; j++, k++) {
          idx[k] = j * stride + off;
          data[k] = 1 + rnd.nextInt(20);
        }
        ptr[r + 1] = k;
      }
      StringColumn index = StringColumn.create("_index");
      StringColumn ct = StringColumn.create("cell_type");
      for (int r = 0; r < perFile; r++) {
        index.append("f" + f + "_c" + r);
        // skewed label frequencies: type_a is common, type_t rare
        double u = rnd.nextDouble();
        ct.append(TYPES[(int) Math.min(TYPES.length - 1, Math.floor(-Math.log(1 - u) * 4))]);
      }
      AnnData a = new AnnData(
          new SparseMatrix(SparseMatrix.Format.CSR, data, DType.FLOAT32, idx, ptr, perFile, genes),
          Table.create("obs", index, ct), Table.create("var", var.copy()));
      a.writeH5ad(dir.resolve("part" + f + ".h5ad"));
      a.writeZarr(dir.resolve("part" + f + ".zarr"), 3);
      System.out.println("wrote part" + f + " (" + perFile + " x " + genes + ", " + nnz + " stored values)");
    }
  }

  static List<MappedSource> sources(Path dir, String format) throws Exception {
    List<MappedSource> out = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith("." + format)).sorted()
          .forEach(p -> out.add(new MappedSource(p.getFileName().toString(), p)));
    }
    return out;
  }

  static long windowBytes;

  static void run(Path dir, String format, double seconds) throws Exception {
    List<MappedSource> src = sources(dir, format);
    try (MappedCollection mc =
        MappedCollection.open(src, MappedOptions.builder().obsKeys("cell_type").build())) {
      System.out.printf("collection: %d %s files, shape %d x %d%n", src.size(), format, mc.shape()[0], mc.shape()[1]);
      long nnz = 0;
      for (int i = 0; i < 64; i++) {
        nnz += mc.get(i).x().data().length;
      }
      // 64 chunks of 64 rows, each stored value a float and an int column index
      windowBytes = 64L * 64 * (nnz / 64) * 8;
      System.out.printf("preload window: 64 x 64 rows, about %.1f MiB%n", windowBytes / 1048576.0);
      BatchOptions plain = BatchOptions.builder().batchSize(4096).chunkSize(64).preloadChunks(64)
          .shuffle(1).prefetch(1).build();
      BatchOptions weighted = BatchOptions.builder().batchSize(4096).chunkSize(64).preloadChunks(64)
          .shuffle(1).prefetch(1).weights("cell_type").build();
      epoch(mc, plain, "warm-up", seconds / 3);
      double a = epoch(mc, plain, "(a) batches shuffled", seconds);
      double b = epoch(mc, weighted, "(b) batches weighted by cell_type", seconds);
      System.out.printf("    weighted / plain = %.2f (goal: >= 0.80)%n", b / a);
      SplittableRandom rnd = new SplittableRandom(3);
      long t0 = System.nanoTime();
      int n = 0;
      while (System.nanoTime() - t0 < seconds * 1e9) {
        mc.get(rnd.nextLong(mc.size()));
        n++;
      }
      double c = n / ((System.nanoTime() - t0) / 1e9);
      System.out.printf("(c) mapped().get(i) random access: %.0f samples/s (goal >= 5,000)%n", c);
    }
    System.out.printf("(e) peak RSS: %s (goal: <= 2 x preload window bytes + 256 MiB = %.0f MiB)%n",
        peakRss(), (2 * windowBytes + (256L << 20)) / 1048576.0);
  }

  static double epoch(MappedCollection mc, BatchOptions o, String what, double seconds) {
    long t0 = System.nanoTime();
    long samples = 0;
    long nnz = 0;
    for (Batch b : mc.batches(o)) {
      samples += b.size();
      nnz += b.x().data().length;
      if (System.nanoTime() - t0 > seconds * 1e9) {
        break;
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    double rate = samples / s;
    System.out.printf("%s: %d samples in %.2f s = %.0f samples/s (%.1f M stored values/s)%n",
        what, samples, s, rate, nnz / s / 1e6);
    return rate;
  }

  static String peakRss() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return line.substring(6).trim();
      }
    }
    return "?";
  }
}
