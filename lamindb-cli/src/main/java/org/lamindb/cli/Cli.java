package org.lamindb.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.lamindb.LaminDB;
import org.lamindb.storage.TransferProgress;

/** Shared helpers of the commands: connecting with progress bars for large transfers. */
final class Cli {
  /** Transfers above this size get a progress bar. */
  static final long PROGRESS_THRESHOLD = 50L * 1024 * 1024;

  private Cli() {}

  /**
   * @return a handle on the current instance that draws progress bars on stderr for large transfers
   */
  static LaminDB connect() {
    LaminDB ln = LaminDB.connect();
    ln.onTransfer(Cli::progress);
    return ln;
  }

  static TransferProgress progress(String label, long size) {
    if (size < PROGRESS_THRESHOLD) {
      return TransferProgress.NONE;
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(label)
            .setInitialMax(size)
            .setUnit(" MiB", 1024 * 1024)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
            .build();
    return (done, total) -> {
      bar.stepTo(done);
      if (done >= size) {
        bar.close();
      }
    };
  }
}
