package org.lamindb.bionty.internal.parse;

/**
 * Normalises term ids the way bionty does: URL prefix stripped and {@code _} turned into {@code :}.
 */
public final class OntologyIds {
  private OntologyIds() {}

  /**
   * @param raw an id such as {@code CL:0000084}, {@code CL_0000084} or {@code
   *     http://purl.obolibrary.org/obo/CL_0000084}
   * @return the CURIE form, e.g. {@code CL:0000084}
   */
  public static String normalize(String raw) {
    String id = raw.trim();
    if (id.startsWith("http://") || id.startsWith("https://")) {
      int cut = Math.max(id.lastIndexOf('/'), id.lastIndexOf('#'));
      id = id.substring(cut + 1);
    }
    if (id.indexOf(':') < 0) {
      int underscore = id.indexOf('_');
      if (underscore > 0) {
        id = id.substring(0, underscore) + ":" + id.substring(underscore + 1);
      }
    }
    return id;
  }
}
