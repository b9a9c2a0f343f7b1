package org.lamindb.internal.lineage;

import java.util.Map;
import java.util.function.BiConsumer;
import org.lamindb.model.Run;

/**
 * Makes sure a tracked run never stays "started" when the JVM ends without {@code ln.finish()}
 * (spec §5.1.8): a shutdown hook decides the final status from how the JVM is going down — an
 * uncaught exception in the tracking thread → errored; {@code System.exit} before finish → errored
 * (the JVM does not tell hooks the exit code); SIGTERM/SIGINT → aborted; the program simply
 * returning → completed.
 */
final class ExitGuard {
  private final Thread tracked;
  private final Thread hook;
  private final Thread.UncaughtExceptionHandler previous;
  private volatile Throwable uncaught;

  /**
   * @param onExit receives the final status and a note explaining it
   */
  ExitGuard(BiConsumer<Run.Status, String> onExit) {
    this.tracked = Thread.currentThread();
    this.previous = Thread.getDefaultUncaughtExceptionHandler();
    this.hook =
        new Thread(
            () -> {
              Throwable t = uncaught;
              if (t != null) {
                onExit.accept(Run.Status.ERRORED, "uncaught " + t);
                return;
              }
              switch (shutdownCause()) {
                case SIGNAL ->
                    onExit.accept(Run.Status.ABORTED, "terminated by a signal before ln.finish()");
                case EXIT -> onExit.accept(Run.Status.ERRORED, "System.exit before ln.finish()");
                default -> onExit.accept(Run.Status.COMPLETED, "program ended without ln.finish()");
              }
            },
            "lamindb-run-exit");
  }

  /** Registers the shutdown hook and the uncaught-exception handler. */
  void install() {
    Runtime.getRuntime().addShutdownHook(hook);
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (thread == tracked) {
            uncaught = e;
          }
          if (previous != null) {
            previous.uncaughtException(thread, e);
          } else {
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace(System.err);
          }
        });
  }

  /** Removes the hook and handler (after {@code finish()}). */
  void uninstall() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // already running
    }
    Thread.setDefaultUncaughtExceptionHandler(previous);
  }

  /**
   * @return true when called from the hook itself (the JVM is exiting)
   */
  boolean isHookThread() {
    return Thread.currentThread() == hook;
  }

  enum Cause {
    NORMAL,
    EXIT,
    SIGNAL
  }

  /**
   * @return how the JVM is shutting down, read from the stack of the thread that started the
   *     shutdown
   */
  static Cause shutdownCause() {
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      boolean inShutdown = false;
      boolean signal = false;
      boolean exit = false;
      for (StackTraceElement f : e.getValue()) {
        String c = f.getClassName();
        if (c.equals("java.lang.Shutdown")) {
          inShutdown = true;
        } else if (c.startsWith("java.lang.Terminator")) {
          signal = true;
        } else if ((c.equals("java.lang.Runtime") || c.equals("java.lang.System"))
            && f.getMethodName().equals("exit")) {
          exit = true;
        }
      }
      if (inShutdown) {
        return signal ? Cause.SIGNAL : exit ? Cause.EXIT : Cause.NORMAL;
      }
    }
    return Cause.NORMAL;
  }
}
