package org.lamindb.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Quiet logs for the CLI: warnings only, everything with --verbose. */
final class Logging {
  private Logging() {}

  static void configure(boolean verbose) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(verbose ? Level.DEBUG : Level.WARN);
    ((Logger) LoggerFactory.getLogger("org.lamindb")).setLevel(verbose ? Level.DEBUG : Level.INFO);
    ((Logger) LoggerFactory.getLogger("io.jhdf")).setLevel(verbose ? Level.DEBUG : Level.ERROR);
  }
}
