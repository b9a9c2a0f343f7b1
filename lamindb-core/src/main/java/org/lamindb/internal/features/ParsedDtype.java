package org.lamindb.internal.features;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dtype string split into its parts (spec §6.1): a simple dtype ({@code float}, {@code date},
 * ...), or categorical members ({@code cat[ULabel|bionty.CellType.ontology_id]}), optionally
 * wrapped in {@code list[...]}.
 *
 * @param simple the simple dtype, or {@code cat} for categoricals
 * @param list whether values are lists
 * @param members categorical members (empty for simple dtypes)
 */
public record ParsedDtype(String simple, boolean list, List<CatMember> members) {

  /** The simple dtypes of LaminDB. */
  public static final Set<String> SIMPLE =
      Set.of(
          "num",
          "int",
          "float",
          "str",
          "bool",
          "datetime",
          "datetime64[ns, UTC]",
          "date",
          "dict",
          "path",
          "url",
          "object");

  /**
   * One registry of a categorical dtype.
   *
   * @param registry registry name, e.g. {@code ULabel} or {@code bionty.CellType}
   * @param field field whose values name labels, or null for the registry's name field
   * @param typeUid uid of a ULabel/Record type restricting values to its subtree, or null
   * @param filters further lookups restricting values, e.g. {@code source__uid=4a3ejKuf}
   */
  public record CatMember(
      String registry, String field, String typeUid, Map<String, String> filters) {
    /**
     * @return the member as written in a dtype string
     */
    public String serialize() {
      StringBuilder s = new StringBuilder(registry);
      if (typeUid != null || !filters.isEmpty()) {
        s.append('[');
        boolean first = true;
        if (typeUid != null) {
          s.append(typeUid);
          first = false;
        }
        for (Map.Entry<String, String> f : filters.entrySet()) {
          if (!first) {
            s.append(", ");
          }
          first = false;
          String v = f.getValue();
          s.append(f.getKey()).append('=').append(v.contains(",") ? "\"" + v + "\"" : v);
        }
        s.append(']');
      }
      if (field != null) {
        s.append('.').append(field);
      }
      return s.toString();
    }
  }

  /**
   * @return true for {@code cat[...]} and {@code list[cat[...]]}
   */
  public boolean isCategorical() {
    return simple.equals("cat");
  }

  /**
   * @return true for int, float and num
   */
  public boolean isNumeric() {
    return simple.equals("int") || simple.equals("float") || simple.equals("num");
  }

  /**
   * @return the canonical dtype string
   */
  public String serialize() {
    String inner;
    if (isCategorical()) {
      StringBuilder s = new StringBuilder("cat[");
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          s.append('|');
        }
        s.append(members.get(i).serialize());
      }
      inner = s.append(']').toString();
    } else {
      inner = simple;
    }
    return list ? "list[" + inner + "]" : inner;
  }
}
