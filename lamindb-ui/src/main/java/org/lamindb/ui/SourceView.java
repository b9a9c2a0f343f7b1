package org.lamindb.ui;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Source code with light syntax highlighting done on the server: comments, strings and keywords of
 * the common script languages get a class; everything is escaped first.
 */
final class SourceView {
  private static final Set<String> KEYWORDS =
      Set.of(
          "import",
          "from",
          "def",
          "class",
          "return",
          "if",
          "else",
          "elif",
          "for",
          "while",
          "in",
          "public",
          "private",
          "static",
          "final",
          "void",
          "new",
          "try",
          "catch",
          "with",
          "as",
          "var",
          "let",
          "const",
          "function",
          "package",
          "true",
          "false",
          "null",
          "None",
          "True",
          "False",
          "then",
          "fi",
          "do",
          "done",
          "echo",
          "process",
          "workflow");
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?<comment>(#|//)[^\\n]*)|(?<str>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*')"
              + "|(?<word>[A-Za-z_][A-Za-z0-9_]*)");

  private SourceView() {}

  /**
   * @return a {@code <pre><code>} block of {@code source}, highlighted
   */
  static String render(String key, String source) {
    Html h = new Html().raw("<pre class=\"source\"><code data-file=\"").text(key).raw("\">");
    Matcher m = TOKEN.matcher(source);
    int last = 0;
    while (m.find()) {
      h.text(source.substring(last, m.start()));
      if (m.group("comment") != null) {
        h.raw("<span class=\"c\">").text(m.group()).raw("</span>");
      } else if (m.group("str") != null) {
        h.raw("<span class=\"s\">").text(m.group()).raw("</span>");
      } else if (KEYWORDS.contains(m.group())) {
        h.raw("<span class=\"k\">").text(m.group()).raw("</span>");
      } else {
        h.text(m.group());
      }
      last = m.end();
    }
    h.text(source.substring(last));
    return h.raw("</code></pre>").toString();
  }
}
