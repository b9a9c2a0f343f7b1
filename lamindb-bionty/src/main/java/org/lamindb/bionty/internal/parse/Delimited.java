package org.lamindb.bionty.internal.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a delimited text file, honouring double quotes ({@code ""} escapes a quote).
 */
final class Delimited {
  private Delimited() {}

  static List<String> split(String line, char sep, Path file, long lineNo) {
    List<String> out = new ArrayList<>(8);
    if (line.indexOf('"') < 0) {
      int start = 0;
      for (int i = 0; i < line.length(); i++) {
        if (line.charAt(i) == sep) {
          out.add(line.substring(start, i));
          start = i + 1;
        }
      }
      out.add(line.substring(start));
      return out;
    }
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == sep) {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw SourceFiles.error(
          file, lineNo, "unterminated quoted cell", "the file may be truncated");
    }
    out.add(cell.toString());
    return out;
  }
}
