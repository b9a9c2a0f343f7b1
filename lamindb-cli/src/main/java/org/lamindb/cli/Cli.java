package org.lamindb.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.lamindb.LaminDB;
import org.lamindb.storage.TransferProgress;

/** Shared helpers of the commands: connecting with progress bars for large transfers. */
public final class Cli {
  /** Transfers above this size get a progress bar. */
  static final long PROGRESS_THRESHOLD = 50L * 1024 * 1024;

  /** Downloads from the internet above this size (or of unknown size) get a progress bar. */
  static final long REMOTE_PROGRESS_THRESHOLD = 1024L * 1024;

  private Cli() {}

  /**
   * @return a handle on the current instance that draws progress bars on stderr for large transfers
   */
  public static LaminDB connect() {
    LaminDB ln = LaminDB.connect();
    ln.onTransfer(Cli::progress);
    return ln;
  }

  static TransferProgress progress(String label, long size) {
    boolean remote = label.contains("://");
    if (size >= 0 && size < (remote ? REMOTE_PROGRESS_THRESHOLD : PROGRESS_THRESHOLD)
        || size < 0 && !remote) {
      return TransferProgress.NONE;
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(remote ? shortLabel(label) : label)
            .setInitialMax(size)
            .setUnit(" MiB", 1024 * 1024)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
            .build();
    return (done, total) -> {
      bar.stepTo(done);
      if (total >= 0 && done >= total) {
        if (size < 0) {
          bar.maxHint(total);
          bar.stepTo(total);
        }
        bar.close();
      }
    };
  }

  /**
   * Applies {@code lookup=value} filters given on the command line.
   *
   * @param example a valid filter shown when one is malformed
   * @return the filtered query set
   */
  static org.lamindb.query.QuerySet<org.lamindb.model.SQLRecord<?>> filtered(
      org.lamindb.query.QuerySet<org.lamindb.model.SQLRecord<?>> q,
      java.util.List<String> filters,
      String example) {
    for (String f : filters) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new org.lamindb.InvalidArgumentException(
            "filter '" + f + "' must look like lookup=value, e.g. " + example);
      }
      q = q.filterText(f.substring(0, eq).strip(), f.substring(eq + 1));
    }
    return q;
  }

  /** {@code downloading https://host/a/b/cl.owl} → {@code downloading cl.owl}. */
  private static String shortLabel(String label) {
    int slash = label.lastIndexOf('/');
    int space = label.indexOf(' ');
    return slash < 0 || space < 0
        ? label
        : label.substring(0, space + 1) + label.substring(slash + 1);
  }
}
