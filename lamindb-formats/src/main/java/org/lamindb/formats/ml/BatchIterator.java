package org.lamindb.formats.ml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lamindb.LaminException;
import org.lamindb.ml.Batch;
import org.lamindb.ml.BatchOptions;
import org.lamindb.ml.FloatMatrix;

/**
 * Reads the planned windows (in background threads when prefetch &gt; 0, at most prefetch windows
 * ahead of the one being cut, in order) and cuts their rows into batches.
 */
final class BatchIterator implements Iterator<Batch>, AutoCloseable {
  private final AnnDataMapped mc;
  private final BatchOptions o;
  private final List<Window> windows;
  private final ExecutorService pool;
  private final ArrayDeque<Future<Loaded>> ahead = new ArrayDeque<>();
  private final Readers readers;
  private int nextWindow;
  private Loaded current;
  private int pos;
  private long emitted;
  private final long total;

  /** A window with its chunks read. */
  record Loaded(Window w, FloatMatrix[] blocks, int[][] blockRowOf) {}

  BatchIterator(AnnDataMapped mc, BatchOptions o, List<Window> windows) {
    this.mc = mc;
    this.o = o;
    this.windows = windows;
    this.readers = new Readers(mc);
    long t = 0;
    for (Window w : windows) {
      t += w.size();
    }
    this.total = o.dropLast() ? t - t % o.batchSize() : t;
    this.pool =
        o.prefetch() == 0
            ? null
            : Executors.newFixedThreadPool(
                o.prefetch(),
                r -> {
                  Thread th = new Thread(r, "lamindb-batches");
                  th.setDaemon(true);
                  return th;
                });
    fill();
  }

  private void fill() {
    if (pool == null) {
      return;
    }
    while (ahead.size() < o.prefetch() && nextWindow < windows.size()) {
      Window w = windows.get(nextWindow++);
      ahead.add(pool.submit(() -> load(w)));
    }
  }

  private Loaded load(Window w) {
    BatchPlan.Chunk[] cs = w.chunks();
    FloatMatrix[] blocks = new FloatMatrix[cs.length];
    int[][] rowOf = new int[cs.length][];
    // read in file order (rows are emitted in the window's shuffled order regardless), so that
    // neighbouring chunks share pages and decoded zarr chunks
    Integer[] order = new Integer[cs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order,
        java.util.Comparator.<Integer>comparingInt(i -> cs[i].file())
            .thenComparingInt(i -> cs[i].selFrom()));
    for (int i : order) {
      BatchPlan.Chunk c = cs[i];
      int[] fileRows = new int[c.size()];
      for (int r = 0; r < fileRows.length; r++) {
        fileRows[r] = mc.fileRow(c.file(), c.selFrom() + r);
      }
      int from = fileRows[0];
      blocks[i] = mc.files.get(c.file()).rows(readers, from, fileRows[fileRows.length - 1] + 1);
      for (int r = 0; r < fileRows.length; r++) {
        fileRows[r] -= from;
      }
      rowOf[i] = fileRows;
    }
    return new Loaded(w, blocks, rowOf);
  }

  private Loaded nextLoaded() {
    if (pool == null) {
      return nextWindow < windows.size() ? load(windows.get(nextWindow++)) : null;
    }
    Future<Loaded> f = ahead.poll();
    if (f == null) {
      return null;
    }
    try {
      Loaded l = f.get();
      fill();
      return l;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaminException("interrupted while reading batches");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new LaminException("reading batches failed: " + c, c);
    }
  }

  @Override
  public boolean hasNext() {
    boolean more = emitted < total;
    if (!more) {
      close();
    }
    return more;
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int n = (int) Math.min(o.batchSize(), total - emitted);
    List<FloatMatrix> srcBlocks = new ArrayList<>(n);
    int[] srcRows = new int[n];
    long[] global = new long[n];
    int[] files = new int[n];
    int[] fileRows = new int[n];
    for (int k = 0; k < n; k++) {
      while (current == null || pos == current.w().size()) {
        current = nextLoaded();
        pos = 0;
      }
      Window w = current.w();
      int ci = w.chunk()[pos];
      int r = w.rowInChunk()[pos++];
      BatchPlan.Chunk c = w.chunks()[ci];
      srcBlocks.add(current.blocks()[ci]);
      srcRows[k] = current.blockRowOf()[ci][r];
      global[k] = c.firstGlobal() + r;
      files[k] = c.file();
      fileRows[k] = mc.fileRow(c.file(), c.selFrom() + r);
    }
    emitted += n;
    FloatMatrix x = Rows.gather(srcBlocks, srcRows, mc.sparseOutput(), (int) mc.shape()[1]);
    Map<String, int[]> obs = mc.gatherCodes(global);
    // row ids are made when asked for: most training loops never read them
    List<String> ids =
        new java.util.AbstractList<>() {
          @Override
          public String get(int k) {
            return mc.files.get(files[k]).uid + ":" + fileRows[k];
          }

          @Override
          public int size() {
            return n;
          }
        };
    return new Batch(x, obs, ids);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
    readers.close();
  }
}
