package org.lamindb.internal.artifact;

/**
 * Fault points inside a save for the crash campaign test: when the system property {@code
 * lamindb.test.fault} names a point, the JVM halts there with status 137, as a SIGKILL would leave
 * it. Points: {@code after-intent}, {@code after-upload}, {@code after-move}, {@code before-commit},
 * {@code after-commit}.
 */
final class Faults {
  private static final String POINT = System.getProperty("lamindb.test.fault");

  private Faults() {}

  static void at(String point) {
    if (POINT != null && POINT.equals(point)) {
      Runtime.getRuntime().halt(137);
    }
  }
}
