package org.lamindb;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of {@link LaminDB#repair(RepairOptions)}: whether to only report, and the grace period
 * below which no leftover is removed whatever its state.
 *
 * <pre>{@code
 * ln.repair(RepairOptions.defaults().dryRun(true));          // report, grace 1 h
 * ln.repair(RepairOptions.defaults().grace(Duration.ZERO));   // remove every dead leftover now
 * }</pre>
 */
public final class RepairOptions {
  /** The grace period {@code lamin repair} uses unless {@code --grace} is given. */
  public static final Duration DEFAULT_GRACE = Duration.ofHours(1);

  private final boolean dryRun;
  private final Duration grace;

  private RepairOptions(boolean dryRun, Duration grace) {
    this.dryRun = dryRun;
    this.grace = grace;
  }

  /**
   * @return remove leftovers older than {@link #DEFAULT_GRACE}
   */
  public static RepairOptions defaults() {
    return new RepairOptions(false, DEFAULT_GRACE);
  }

  /**
   * @return these options, only reporting what would be removed and why when {@code dryRun}
   */
  public RepairOptions dryRun(boolean dryRun) {
    return new RepairOptions(dryRun, grace);
  }

  /**
   * @return these options with grace period {@code grace} (0 removes dead leftovers of any age)
   */
  public RepairOptions grace(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new InvalidArgumentException(
          "the grace period must not be negative (got " + grace + "); use 0 for none");
    }
    return new RepairOptions(dryRun, grace);
  }

  /**
   * @return true when repair only reports
   */
  public boolean isDryRun() {
    return dryRun;
  }

  /**
   * @return the grace period
   */
  public Duration grace() {
    return grace;
  }
}
