package org.lamindb.internal.formats;

import java.nio.file.Path;

/**
 * Refuses loads that cannot fit into the heap before any allocation, so a huge file (or a corrupt
 * footer that declares billions of rows) ends in a clear error instead of an OutOfMemoryError.
 */
final class MemoryBudget {
  private MemoryBudget() {}

  /** Bytes the heap can still grow to hold. */
  static long available() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  /**
   * @param path the file being loaded
   * @param estimate estimated bytes the loaded object needs
   * @param what what the estimate is based on, for the message
   */
  static void require(Path path, long estimate, String what) {
    long available = available();
    if (estimate > available) {
      throw FormatErrors.unsupported(
          "Loading "
              + path
              + " needs about "
              + estimate / (1 << 20)
              + " MiB of heap ("
              + what
              + ") but only "
              + available / (1 << 20)
              + " MiB are available; raise -Xmx, or query the file with DuckDB/open() instead of loading it.");
    }
  }
}
