package org.lamindb.storage;

/** Receives progress of an upload or download, e.g. to draw a progress bar. */
@FunctionalInterface
public interface TransferProgress {
  /** Ignores all progress. */
  TransferProgress NONE = (done, total) -> {};

  /**
   * @param bytesDone bytes transferred so far
   * @param bytesTotal total bytes, or -1 when unknown
   */
  void update(long bytesDone, long bytesTotal);
}
