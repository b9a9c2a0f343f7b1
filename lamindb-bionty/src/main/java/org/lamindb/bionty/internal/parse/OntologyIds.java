package org.lamindb.bionty.internal.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Normalises term ids the way bionty does: an OBO PURL ({@code
 * http://purl.obolibrary.org/obo/CL_0000084}) becomes its CURIE ({@code CL:0000084}); an id given
 * as such keeps the source's form, so Cellosaurus' {@code CVCL_0030} stays {@code CVCL_0030}.
 */
public final class OntologyIds {
  private OntologyIds() {}

  /**
   * @param raw an id such as {@code CL:0000084}, {@code CVCL_0030} or {@code
   *     http://purl.obolibrary.org/obo/CL_0000084}
   * @return the id as stored: IRIs as CURIE ({@code CL:0000084}), other ids unchanged but trimmed
   */
  public static String normalize(String raw) {
    String id = raw.trim();
    if (id.startsWith("http://") || id.startsWith("https://")) {
      int cut = Math.max(id.lastIndexOf('/'), id.lastIndexOf('#'));
      id = id.substring(cut + 1);
      if (id.indexOf(':') < 0) {
        int underscore = id.indexOf('_');
        if (underscore > 0) {
          id = id.substring(0, underscore) + ":" + id.substring(underscore + 1);
        }
      }
    }
    return id;
  }

  /**
   * @return {@code id} with its prefix separator swapped ({@code CVCL_0030} ↔ {@code CVCL:0030}),
   *     or null when it has none
   */
  public static String otherForm(String id) {
    if (id == null) {
      return null;
    }
    int colon = id.indexOf(':');
    int underscore = id.indexOf('_');
    if (colon > 0 && (underscore < 0 || colon < underscore)) {
      return id.substring(0, colon) + "_" + id.substring(colon + 1);
    }
    if (underscore > 0 && colon < 0) {
      return id.substring(0, underscore) + ":" + id.substring(underscore + 1);
    }
    return null;
  }

  /**
   * Validates ids in either separator form: a value that failed {@code check} is retried in its
   * {@link #otherForm}.
   *
   * @param values ids as given
   * @param check validates a list of ids, one boolean per id
   * @return one boolean per value
   */
  public static boolean[] validateEitherForm(
      List<String> values, Function<List<String>, boolean[]> check) {
    boolean[] ok = check.apply(values);
    List<Integer> retry = new ArrayList<>();
    List<String> alt = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String o = ok[i] ? null : otherForm(values.get(i));
      if (o != null) {
        retry.add(i);
        alt.add(o);
      }
    }
    if (!alt.isEmpty()) {
      boolean[] second = check.apply(alt);
      for (int j = 0; j < retry.size(); j++) {
        ok[retry.get(j)] |= second[j];
      }
    }
    return ok;
  }
}
