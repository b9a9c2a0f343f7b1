package org.lamindb.formats.ml;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** One open {@link FileReader} per file and reading thread (readers are not shared by threads). */
final class Readers implements AutoCloseable {
  private final AnnDataMapped mc;
  private final ConcurrentHashMap<Thread, FileReader[]> byThread = new ConcurrentHashMap<>();
  private final List<FileReader> opened = new CopyOnWriteArrayList<>();

  Readers(AnnDataMapped mc) {
    this.mc = mc;
  }

  FileReader get(int file) {
    FileReader[] mine =
        byThread.computeIfAbsent(Thread.currentThread(), t -> new FileReader[mc.files.size()]);
    if (mine[file] == null) {
      mine[file] = FileReader.open(mc.sources.get(file).path(), mc.layer());
      opened.add(mine[file]);
    }
    return mine[file];
  }

  @Override
  public void close() {
    for (FileReader a : opened) {
      a.close();
    }
    opened.clear();
    byThread.clear();
  }
}
