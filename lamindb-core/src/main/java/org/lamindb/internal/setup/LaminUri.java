package org.lamindb.internal.setup;

import org.lamindb.InvalidArgumentException;

/**
 * A {@code lamin://owner/name[/artifact/<uid or key>]} URI.
 *
 * @param owner instance owner
 * @param name instance name
 * @param artifact the artifact's uid or key, or null when the URI names the instance only
 */
public record LaminUri(String owner, String name, String artifact) {

  /**
   * @return {@code owner/name}
   */
  public String slug() {
    return owner + "/" + name;
  }

  /**
   * @return the parsed URI
   * @throws InvalidArgumentException naming the expected form
   */
  public static LaminUri parse(String uri) {
    String u = uri.strip();
    if (!u.startsWith("lamin://")) {
      throw new InvalidArgumentException(
          "not a lamin:// URI: '" + uri + "'; use lamin://owner/name/artifact/<uid or key>");
    }
    String rest = u.substring("lamin://".length());
    String[] p = rest.split("/", 4);
    if (p.length < 2 || p[0].isEmpty() || p[1].isEmpty()) {
      throw new InvalidArgumentException(
          "lamin:// URI '" + uri + "' names no instance; use lamin://owner/name/artifact/<uid>");
    }
    if (p.length == 2 || (p.length == 3 && p[2].isEmpty())) {
      return new LaminUri(p[0], p[1], null);
    }
    if (!p[2].equals("artifact") || p.length < 4 || p[3].isEmpty()) {
      throw new InvalidArgumentException(
          "lamin:// URI '"
              + uri
              + "': after owner/name comes artifact/<uid or key>, e.g. lamin://"
              + p[0]
              + "/"
              + p[1]
              + "/artifact/KBW89Mf7IGcekja2");
    }
    return new LaminUri(
        p[0], p[1], java.net.URLDecoder.decode(p[3], java.nio.charset.StandardCharsets.UTF_8));
  }
}
