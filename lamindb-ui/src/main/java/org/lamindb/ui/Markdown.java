package org.lamindb.ui;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown notes to HTML: CommonMark + GFM tables; raw HTML in a note is escaped (never passed
 * through), link and image URLs are sanitised (no {@code javascript:}), and {@code
 * [[artifact:<uid>]]}-style links resolve to entity pages.
 */
final class Markdown {
  private static final Map<String, String> PAGES =
      Map.of(
          "artifact", "/artifacts/",
          "collection", "/collections/",
          "transform", "/transforms/",
          "run", "/runs/",
          "record", "/records/",
          "project", "/projects/",
          "lineage", "/lineage/");
  private static final Pattern WIKI =
      Pattern.compile(
          "\\[\\[(artifact|collection|transform|run|record|project|lineage):([A-Za-z0-9]{4,20})]]");

  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .percentEncodeUrls(true)
          .build();

  private Markdown() {}

  /**
   * @return sanitised HTML of {@code markdown}
   */
  static String render(String markdown) {
    Matcher m = WIKI.matcher(markdown == null ? "" : markdown);
    StringBuilder s = new StringBuilder();
    while (m.find()) {
      String link =
          "[" + m.group(1) + ":" + m.group(2) + "](" + PAGES.get(m.group(1)) + m.group(2) + ")";
      m.appendReplacement(s, Matcher.quoteReplacement(link));
    }
    m.appendTail(s);
    return RENDERER.render(PARSER.parse(s.toString()));
  }
}
