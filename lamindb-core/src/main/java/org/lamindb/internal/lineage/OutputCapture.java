package org.lamindb.internal.lineage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tees {@code System.out} and {@code System.err} into a log file while a run is tracked (spec
 * §5.1.8), so the run's report holds what the program printed; the console still shows everything.
 */
final class OutputCapture implements AutoCloseable {
  private final Path file;
  private final OutputStream log;
  private final PrintStream originalOut;
  private final PrintStream originalErr;
  private boolean closed;

  private OutputCapture(Path file, OutputStream log) {
    this.file = file;
    this.log = log;
    this.originalOut = System.out;
    this.originalErr = System.err;
  }

  /** Starts capturing into {@code file}; its first line is {@code firstLine}. */
  static OutputCapture start(Path file, String firstLine) throws IOException {
    Files.createDirectories(file.getParent());
    OutputStream log = new java.io.BufferedOutputStream(Files.newOutputStream(file));
    log.write((firstLine + "\n").getBytes(StandardCharsets.UTF_8));
    OutputCapture c = new OutputCapture(file, log);
    System.setOut(new PrintStream(c.new Tee(c.originalOut), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(c.new Tee(c.originalErr), true, StandardCharsets.UTF_8));
    return c;
  }

  /**
   * @return the log file
   */
  Path file() {
    return file;
  }

  /** Appends text to the log only (e.g. a stack trace already printed elsewhere). */
  synchronized void appendToLog(String text) {
    if (closed) {
      return;
    }
    try {
      log.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // logging is best-effort
    }
  }

  /** Restores the original streams and closes the log. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    System.out.flush();
    System.err.flush();
    if (System.out instanceof PrintStream) {
      System.setOut(originalOut);
    }
    System.setErr(originalErr);
    closed = true;
    try {
      log.close();
    } catch (IOException e) {
      // best-effort
    }
  }

  /** Writes to the console stream and the log. */
  private final class Tee extends OutputStream {
    private final OutputStream console;

    Tee(OutputStream console) {
      this.console = console;
    }

    @Override
    public void write(int b) throws IOException {
      console.write(b);
      synchronized (OutputCapture.this) {
        if (!closed) {
          log.write(b);
        }
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      console.write(b, off, len);
      synchronized (OutputCapture.this) {
        if (!closed) {
          log.write(b, off, len);
        }
      }
    }

    @Override
    public void flush() throws IOException {
      console.flush();
      synchronized (OutputCapture.this) {
        if (!closed) {
          log.flush();
        }
      }
    }
  }
}
