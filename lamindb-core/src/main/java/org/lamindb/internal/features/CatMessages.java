package org.lamindb.internal.features;

import java.util.List;
import org.lamindb.internal.core.Instance;
import org.lamindb.model.Feature;

/**
 * Pieces of LaminDB's message for categorical values that are not in their registry (spec §8.4),
 * shared by feature annotation and dataset curation.
 */
final class CatMessages {
  private CatMessages() {}

  /**
   * @return {@code "<n> term[s] not validated in feature '<name>'[ in slot '<slot>']: 'a', 'b'"}
   */
  static StringBuilder header(Feature f, List<String> missing, String slot) {
    StringBuilder s =
        new StringBuilder()
            .append(missing.size())
            .append(missing.size() == 1 ? " term" : " terms")
            .append(" not validated in feature '")
            .append(f.name())
            .append(slot == null ? "'" : "' in slot '" + slot + "'")
            .append(": ");
    for (int i = 0; i < missing.size(); i++) {
      s.append(i == 0 ? "" : ", ").append('\'').append(missing.get(i)).append('\'');
    }
    return s;
  }

  /**
   * @return the {@code ln.<factory>(name)} method creating records of {@code registry}, or null
   *     when the facade has none (e.g. bionty registries)
   */
  static String factory(String registry) {
    return switch (registry) {
      case "ULabel" -> "ulabel";
      case "Record" -> "record";
      case "Project" -> "project";
      case "Reference" -> "reference";
      default -> null;
    };
  }

  /**
   * @return the name of the type a categorical member is restricted to, e.g. {@code Sample}
   */
  static String subtypeName(Instance inst, ParsedDtype.CatMember m) {
    String type = FeatureCatalog.display(inst, m);
    return type.substring(type.indexOf('[') + 1, type.length() - 1);
  }

  /** Appends the line listing valid labels of the member's type, when it has one. */
  static void appendSubtypeHint(StringBuilder s, Instance inst, ParsedDtype.CatMember m) {
    if (m.typeUid() != null) {
      s.append("\n    → a valid label for subtype '")
          .append(subtypeName(inst, m))
          .append("' has to be one of ")
          .append(PyFormat.repr(FeatureCatalog.examples(inst, m, 20)));
    }
  }
}
