package org.lamindb.cli;

import org.lamindb.LaminException;

/**
 * The one error style of {@code lamin}: a single line {@code ✗ <message>} on stderr. Errors of
 * lamindb-java print their problem with the command-line advice of their hint ({@link
 * LaminException#cliMessage()}), never Java code; other errors print their innermost cause, with
 * {@code --verbose} for the stack trace.
 */
final class Errors {
  /** Starts every error line. */
  static final String PREFIX = "✗ ";

  private Errors() {}

  /**
   * @param ex the error a command raised
   * @param verbose whether the stack trace is printed too (then no pointer to --verbose)
   * @return the line to print
   */
  static String line(Throwable ex, boolean verbose) {
    if (ex instanceof LaminException le) {
      return PREFIX + le.cliMessage();
    }
    return PREFIX
        + "unexpected error: "
        + ex
        + (verbose ? "" : " (run with --verbose for details)");
  }
}
