package org.lamindb.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * HTML building with escaping by default: {@link #text(Object)} escapes every value that goes into
 * element content or an attribute, so descriptions, keys, feature values and notes can never inject
 * markup. Raw HTML enters only through {@link #raw(String)}, used for markup this module builds
 * itself and for sanitised markdown.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(4096);

  /**
   * @return {@code value} escaped for element content and quoted attributes; null becomes empty
   */
  static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * @return {@code value} encoded for a URL query parameter or path segment
   */
  static String url(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /** Appends escaped text. */
  Html text(Object value) {
    out.append(esc(value));
    return this;
  }

  /** Appends markup built by this module (never user input). */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends {@code <tag>escaped text</tag>}. */
  Html el(String tag, Object value) {
    out.append('<').append(tag).append('>').append(esc(value)).append("</").append(tag).append('>');
    return this;
  }

  /** Appends a link with escaped href and text. */
  Html link(String href, Object label) {
    out.append("<a href=\"").append(esc(href)).append("\">").append(esc(label)).append("</a>");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
