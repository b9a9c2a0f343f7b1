package org.lamindb.internal.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.InstanceException;

/**
 * Reads and writes the dotenv-style settings files LaminDB keeps under {@code ~/.lamin} ({@code
 * key=value}).
 */
final class EnvFile {
  private EnvFile() {}

  static Map<String, String> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw corrupt(file, 0, "not UTF-8 text");
    } catch (IOException e) {
      throw new InstanceException("cannot read settings file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> m = new LinkedHashMap<>();
    int n = 0;
    for (String line : lines) {
      n++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw corrupt(file, n, "expected key=value but found '" + abbreviate(t) + "'");
      }
      String k = t.substring(0, eq).strip();
      String v = t.substring(eq + 1).strip();
      if (v.length() >= 2
          && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
        v = v.substring(1, v.length() - 1);
      }
      m.put(k, "null".equals(v) ? null : v);
    }
    return m;
  }

  private static InstanceException corrupt(Path file, int line, String what) {
    return new InstanceException(
        "settings file "
            + file
            + " is corrupt"
            + (line > 0 ? " (line " + line + ": " + what + ")" : " (" + what + ")")
            + "; fix or delete it, then run `lamin connect` or `lamin init` again");
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** Writes atomically (temp file + move), so a crash never leaves a half-written settings file. */
  static void write(Path file, Map<String, String> values) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, String> e : values.entrySet()) {
      s.append(e.getKey())
          .append('=')
          .append(e.getValue() == null ? "null" : e.getValue())
          .append('\n');
    }
    writeText(file, s.toString());
  }

  static void writeText(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".env");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new InstanceException(
          "cannot write settings file "
              + file
              + ": "
              + e.getMessage()
              + "; check that "
              + file.getParent()
              + " is writable (or set LAMIN_HOME)",
          e);
    }
  }
}
