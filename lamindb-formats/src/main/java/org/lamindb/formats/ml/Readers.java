package org.lamindb.formats.ml;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;

/** One open accessor per file and reading thread (file handles are not shared across threads). */
final class Readers implements AutoCloseable {
  private final AnnDataMapped mc;
  private final ConcurrentHashMap<Thread, AnnDataAccessor[]> byThread = new ConcurrentHashMap<>();
  private final List<AnnDataAccessor> opened = new CopyOnWriteArrayList<>();

  Readers(AnnDataMapped mc) {
    this.mc = mc;
  }

  AnnDataAccessor get(int file) {
    AnnDataAccessor[] mine =
        byThread.computeIfAbsent(Thread.currentThread(), t -> new AnnDataAccessor[mc.files.size()]);
    if (mine[file] == null) {
      mine[file] = AnnData.open(mc.sources.get(file).path());
      opened.add(mine[file]);
    }
    return mine[file];
  }

  @Override
  public void close() {
    for (AnnDataAccessor a : opened) {
      a.close();
    }
    opened.clear();
    byThread.clear();
  }
}
