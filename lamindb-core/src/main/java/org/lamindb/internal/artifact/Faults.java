package org.lamindb.internal.artifact;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault points inside a save for the crash campaign test: when the system property {@code
 * lamindb.test.fault} is {@code <point>} or {@code <point>:<n>}, the JVM halts with status 137 (as
 * a SIGKILL would leave it) the first (or n-th) time a save reaches that point. Points: {@code
 * after-intent}, {@code after-upload}, {@code after-move}, {@code before-commit}, {@code
 * after-commit}. Without the property this costs one comparison.
 */
final class Faults {
  private static final String SPEC = System.getProperty("lamindb.test.fault");
  private static final String POINT = SPEC == null ? null : SPEC.split(":")[0];
  private static final int NTH = SPEC == null || !SPEC.contains(":") ? 1 : parse(SPEC);
  private static final AtomicInteger SEEN = new AtomicInteger();

  private Faults() {}

  private static int parse(String spec) {
    return Integer.parseInt(spec.substring(spec.indexOf(':') + 1));
  }

  static void at(String point) {
    if (POINT != null && POINT.equals(point) && SEEN.incrementAndGet() == NTH) {
      Runtime.getRuntime().halt(137);
    }
  }
}
