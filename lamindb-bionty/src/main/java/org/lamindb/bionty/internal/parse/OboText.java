package org.lamindb.bionty.internal.parse;

import java.nio.file.Path;

/** Quoted strings and escapes of OBO values. */
final class OboText {
  private OboText() {}

  /**
   * A quoted string at the start of a value and what follows it.
   *
   * @param text the unescaped content
   * @param rest the remainder after the closing quote, stripped
   */
  record Quoted(String text, String rest) {}

  /** Reads the quoted string that starts {@code value}, e.g. {@code "T-cell" EXACT []}. */
  static Quoted quoted(String value, Path file, long line) {
    if (value.isEmpty() || value.charAt(0) != '"') {
      throw SourceFiles.error(
          file, line, "expected a quoted string but found '" + value + "'", null);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        sb.append(escaped(value.charAt(++i)));
      } else if (c == '"') {
        return new Quoted(sb.toString(), value.substring(i + 1).strip());
      } else {
        sb.append(c);
      }
    }
    throw SourceFiles.error(
        file,
        line,
        "unterminated quoted string",
        "the closing '\"' is missing; the file may be truncated");
  }

  /**
   * Resolves OBO escapes ({@code \n}, {@code \t}, {@code \W}, {@code \"}, ...) in an unquoted
   * value.
   */
  static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        sb.append(escaped(value.charAt(++i)));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static char escaped(char c) {
    return switch (c) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'W' -> ' ';
      default -> c;
    };
  }
}
