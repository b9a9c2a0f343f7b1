package org.lamindb.bionty.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines like {@link java.io.BufferedReader#readLine()} but also tells whether the last
 * line ended with a line break, which is how a truncated file shows itself.
 */
final class LineReader implements AutoCloseable {
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long lineNumber;
  private boolean lastTerminated = true;

  LineReader(InputStream stream) {
    this.in = new InputStreamReader(stream, StandardCharsets.UTF_8);
  }

  /**
   * @return the next line without its terminator, or null at the end
   */
  String readLine() throws IOException {
    StringBuilder sb = null;
    while (true) {
      if (pos >= len) {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          if (sb == null) {
            return null;
          }
          lastTerminated = false;
          lineNumber++;
          return sb.toString();
        }
      }
      int start = pos;
      while (pos < len && buf[pos] != '\n') {
        pos++;
      }
      if (pos < len) {
        int end = pos > start && buf[pos - 1] == '\r' ? pos - 1 : pos;
        String line;
        if (sb == null) {
          line = new String(buf, start, end - start);
        } else {
          sb.append(buf, start, pos - start);
          if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
            sb.setLength(sb.length() - 1);
          }
          line = sb.toString();
        }
        pos++;
        lineNumber++;
        lastTerminated = true;
        return line;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(buf, start, pos - start);
    }
  }

  /**
   * @return number of the line returned last (1-based)
   */
  long lineNumber() {
    return lineNumber;
  }

  /**
   * @return false when the last line returned had no line break after it
   */
  boolean lastLineTerminated() {
    return lastTerminated;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
