package org.lamindb.formats.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lamindb.InvalidArgumentException;
import org.lamindb.ml.BatchOptions;

/**
 * Decides, before any data is read, which rows each preload window emits: chunks of contiguous
 * selected rows of one file, block-shuffled and dealt round-robin to shards; or, with weights,
 * chunks drawn in proportion to their total weight and rows within a drawn chunk in proportion to
 * their own weight (so each draw has row {@code i} with probability {@code w[i] / sum(w)}).
 */
final class BatchPlan {

  /**
   * Selected rows {@code [selFrom, selTo)} of one file; {@code firstGlobal} is the collection row
   * of {@code selFrom}.
   */
  record Chunk(int file, int selFrom, int selTo, long firstGlobal) {
    int size() {
      return selTo - selFrom;
    }
  }

  private BatchPlan() {}

  static List<Chunk> chunks(long[] offsets, int chunkSize) {
    List<Chunk> out = new ArrayList<>();
    for (int f = 0; f + 1 < offsets.length; f++) {
      int n = (int) (offsets[f + 1] - offsets[f]);
      for (int s = 0; s < n; s += chunkSize) {
        out.add(new Chunk(f, s, Math.min(n, s + chunkSize), offsets[f] + s));
      }
    }
    return out;
  }

  static long mixSeed(BatchOptions o) {
    return o.seed() * 0x9E3779B97F4A7C15L + o.epoch() * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
  }

  /** This shard's chunks in reading order. */
  static List<Chunk> shardChunks(List<Chunk> all, BatchOptions o) {
    Chunk[] order = all.toArray(new Chunk[0]);
    if (o.shuffle() || o.worldSize() > 1) {
      shuffle(order, new SplittableRandom(mixSeed(o)));
    }
    List<Chunk> mine = new ArrayList<>();
    for (int i = o.rank(); i < order.length; i += o.worldSize()) {
      mine.add(order[i]);
    }
    if (o.shuffle() && o.worldSize() > 1) {
      // deal first, then shuffle again so a shard's order does not follow the global one
      Chunk[] m = mine.toArray(new Chunk[0]);
      shuffle(m, new SplittableRandom(mixSeed(o) + 31L * (o.rank() + 1)));
      mine = Arrays.asList(m);
    }
    return mine;
  }

  /** Windows of an unweighted epoch: every row of this shard once. */
  static List<Window> sequential(List<Chunk> mine, BatchOptions o) {
    SplittableRandom rnd = new SplittableRandom(mixSeed(o) ^ 0x5DEECE66DL);
    List<Window> out = new ArrayList<>();
    for (int w = 0; w < mine.size(); w += o.preloadChunks()) {
      Chunk[] cs =
          mine.subList(w, Math.min(mine.size(), w + o.preloadChunks())).toArray(new Chunk[0]);
      int n = 0;
      for (Chunk c : cs) {
        n += c.size();
      }
      int[] chunk = new int[n];
      int[] row = new int[n];
      int k = 0;
      for (int ci = 0; ci < cs.length; ci++) {
        for (int r = 0; r < cs[ci].size(); r++, k++) {
          chunk[k] = ci;
          row[k] = r;
        }
      }
      if (o.shuffle()) {
        shufflePairs(chunk, row, rnd);
      }
      out.add(new Window(cs, chunk, row));
    }
    return out;
  }

  /** Windows of a weighted epoch: {@code samples} draws with replacement. */
  static List<Window> weighted(List<Chunk> mine, double[] w, long samples, BatchOptions o) {
    double[] chunkCum = new double[mine.size()];
    double total = 0;
    for (int i = 0; i < mine.size(); i++) {
      Chunk c = mine.get(i);
      for (int r = 0; r < c.size(); r++) {
        total += w[(int) (c.firstGlobal() + r)];
      }
      chunkCum[i] = total;
    }
    if (!(total > 0)) {
      throw new InvalidArgumentException(
          "the sampling weights of shard " + o.rank() + " sum to 0: no row can be drawn");
    }
    SplittableRandom rnd = new SplittableRandom(mixSeed(o) + 1_000_003L * o.rank());
    List<Window> out = new ArrayList<>();
    long left = samples;
    while (left > 0) {
      Map<Integer, Integer> slot = new HashMap<>();
      List<Chunk> cs = new ArrayList<>();
      int n = (int) Math.min(left, (long) o.preloadChunks() * o.chunkSize());
      int[] chunk = new int[n];
      int[] row = new int[n];
      int k = 0;
      while (k < n) {
        int ci = search(chunkCum, rnd.nextDouble() * total);
        Chunk c = mine.get(ci);
        Integer s = slot.get(ci);
        if (s == null) {
          s = cs.size();
          slot.put(ci, s);
          cs.add(c);
        }
        double[] cum = new double[c.size()];
        double acc = 0;
        for (int r = 0; r < c.size(); r++) {
          acc += w[(int) (c.firstGlobal() + r)];
          cum[r] = acc;
        }
        for (int d = 0; d < o.chunkSize() && k < n; d++, k++) {
          chunk[k] = s;
          row[k] = search(cum, rnd.nextDouble() * acc);
        }
      }
      shufflePairs(chunk, row, rnd);
      out.add(new Window(cs.toArray(new Chunk[0]), chunk, row));
      left -= n;
    }
    return out;
  }

  /** First index whose cumulative value exceeds {@code x}. */
  private static int search(double[] cum, double x) {
    int lo = 0;
    int hi = cum.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static <T> void shuffle(T[] a, SplittableRandom rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static void shufflePairs(int[] a, int[] b, SplittableRandom rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
      t = b[i];
      b[i] = b[j];
      b[j] = t;
    }
  }
}
