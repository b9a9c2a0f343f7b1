package org.lamindb.formats.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.InvalidArgumentException;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.ml.Batch;
import org.lamindb.ml.BatchOptions;
import org.lamindb.ml.FloatMatrix;
import org.lamindb.ml.MappedCollection;
import org.lamindb.ml.MappedOptions;
import org.lamindb.ml.MappedSource;
import org.lamindb.ml.Sample;

/**
 * {@link MappedCollection} over AnnData files read in place through {@link AnnDataAccessor}: obs
 * columns, filter and var index are read when opened (metadata and obs only); matrix rows are read
 * on demand.
 */
final class AnnDataMapped implements MappedCollection {
  final List<MappedSource> sources;
  final List<MappedFile> files = new ArrayList<>();
  private final MappedOptions opt;
  private final List<AnnDataAccessor> accs = new ArrayList<>();
  private final ObsCodes obs;
  private final int[][] selected;
  private final long[] offsets;
  private final List<String> varIndex;
  private final boolean sparse;
  private final Map<String, List<FloatMatrix>> obsm = new LinkedHashMap<>();
  private final Readers randomAccess = new Readers(this);

  AnnDataMapped(List<MappedSource> sources, MappedOptions opt) {
    if (sources.isEmpty()) {
      throw new InvalidArgumentException("a mapped collection needs at least one AnnData file");
    }
    this.sources = List.copyOf(sources);
    this.opt = opt;
    try {
      List<String> uids = new ArrayList<>();
      List<List<String>> vars = new ArrayList<>();
      for (MappedSource s : sources) {
        AnnDataAccessor a = AnnData.open(s.path());
        accs.add(a);
        uids.add(s.artifactUid());
        vars.add(a.varNames(opt.layer()));
      }
      VarJoin join = VarJoin.of(opt.join(), uids, vars);
      this.varIndex = join.varIndex();
      boolean anySparse = false;
      for (int f = 0; f < accs.size(); f++) {
        MappedFile mf =
            new MappedFile(
                f, uids.get(f), accs.get(f), opt.layer(), join.colMaps().get(f), varIndex.size());
        files.add(mf);
        anySparse |= mf.sparse;
      }
      this.sparse = anySparse;
      this.obs = ObsCodes.read(accs, uids, opt);
      this.selected = obs.selected();
      this.offsets = new long[files.size() + 1];
      for (int f = 0; f < files.size(); f++) {
        long n = selected[f] == null ? files.get(f).shape[0] : selected[f].length;
        offsets[f + 1] = offsets[f] + n;
      }
      for (String key : opt.obsmKeys()) {
        List<FloatMatrix> perFile = new ArrayList<>();
        for (AnnDataAccessor a : accs) {
          perFile.add(ObsCodes.obsm(a, key));
        }
        obsm.put(key, perFile);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  int fileRow(int file, int sel) {
    return selected[file] == null ? sel : selected[file][sel];
  }

  String layer() {
    return opt.layer();
  }

  boolean sparseOutput() {
    return sparse;
  }

  private int fileOf(long i) {
    if (i < 0 || i >= size()) {
      throw new InvalidArgumentException("row " + i + " is outside 0.." + (size() - 1));
    }
    int f = Arrays.binarySearch(offsets, i);
    if (f < 0) {
      return -f - 2;
    }
    while (f + 1 < offsets.length && offsets[f + 1] == i) {
      f++;
    }
    return f;
  }

  @Override
  public long size() {
    return offsets[offsets.length - 1];
  }

  @Override
  public long[] shape() {
    return new long[] {size(), varIndex.size()};
  }

  @Override
  public List<long[]> originalShapes() {
    List<long[]> out = new ArrayList<>();
    files.forEach(f -> out.add(f.shape.clone()));
    return out;
  }

  @Override
  public List<String> varIndex() {
    return varIndex;
  }

  @Override
  public List<String> obsKeys() {
    return opt.obsKeys();
  }

  @Override
  public List<String> labels(String key) {
    return obs.labels(key);
  }

  @Override
  public int[] codes(String key) {
    return obs.codes(key).clone();
  }

  Map<String, int[]> gatherCodes(long[] global) {
    Map<String, int[]> out = new LinkedHashMap<>();
    for (String key : opt.obsKeys()) {
      int[] all = obs.codes(key);
      int[] c = new int[global.length];
      for (int k = 0; k < c.length; k++) {
        c[k] = all[(int) global[k]];
      }
      out.put(key, c);
    }
    return out;
  }

  @Override
  public Sample get(long i) {
    int f = fileOf(i);
    int sel = (int) (i - offsets[f]);
    int row = fileRow(f, sel);
    FloatMatrix x = files.get(f).rows(randomAccess, row, row + 1);
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Integer> codes = new LinkedHashMap<>();
    for (String key : opt.obsKeys()) {
      values.put(key, obs.value(key, (int) i));
      codes.put(key, obs.codes(key)[(int) i]);
    }
    Map<String, float[]> rows = new LinkedHashMap<>();
    obsm.forEach((key, perFile) -> rows.put(key, perFile.get(f).denseRow(row)));
    return new Sample(files.get(f).uid + ":" + row, x, values, codes, rows);
  }

  @Override
  public double[] labelWeights(String key) {
    int[] c = obs.codes(key);
    Map<Integer, Integer> counts = new java.util.HashMap<>();
    for (int v : c) {
      counts.merge(v, 1, Integer::sum);
    }
    double[] w = new double[c.length];
    for (int k = 0; k < c.length; k++) {
      w[k] = 1.0 / counts.get(c[k]);
    }
    return w;
  }

  @Override
  public Iterable<Batch> batches(BatchOptions o) {
    if (size() > Integer.MAX_VALUE) {
      throw new InvalidArgumentException("batches over more than 2^31 rows are not supported");
    }
    List<BatchPlan.Chunk> mine = BatchPlan.shardChunks(BatchPlan.chunks(offsets, o.chunkSize()), o);
    List<Window> windows;
    if (o.weighted()) {
      double[] w = o.weightKey() != null ? labelWeights(o.weightKey()) : o.weights();
      if (w.length != size()) {
        throw new InvalidArgumentException(
            "weights has "
                + w.length
                + " values but the mapped collection has "
                + size()
                + " rows");
      }
      long n = o.samplesPerEpoch() > 0 ? o.samplesPerEpoch() : size();
      long perShard = n / o.worldSize() + (o.rank() < n % o.worldSize() ? 1 : 0);
      windows = BatchPlan.weighted(mine, w, perShard, o);
    } else {
      windows = BatchPlan.sequential(mine, o);
    }
    return () -> new BatchIterator(this, o, windows);
  }

  @Override
  public void close() {
    randomAccess.close();
    for (AnnDataAccessor a : accs) {
      a.close();
    }
  }

  @Override
  public String toString() {
    return "MappedCollection of " + files.size() + " files, shape " + Arrays.toString(shape());
  }
}
