package org.lamindb.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;

/**
 * Which columns {@code lamin list} prints: LaminDB's default columns of the registry (no private
 * {@code _} fields, no foreign-key ids, no JSON, never a transform's source code), the columns
 * named with {@code --columns}, or every column with {@code --all-columns}.
 */
final class ListColumns {
  /** Default columns of the core registries, as LaminDB users know them. */
  private static final Map<String, List<String>> DEFAULTS =
      Map.of(
          "Artifact",
          List.of(
              "uid",
              "key",
              "description",
              "suffix",
              "kind",
              "otype",
              "size",
              "is_latest",
              "created_at"),
          "Transform",
          List.of("uid", "key", "description", "kind", "version_tag", "is_latest", "created_at"),
          "Run",
          List.of("uid", "transform__key", "name", "started_at", "finished_at", "created_at"),
          "Collection",
          List.of("uid", "key", "description", "version_tag", "is_latest", "created_at"),
          "Feature",
          List.of("uid", "name", "dtype", "description", "is_type", "created_at"));

  /** Fields never shown unless named with {@code --columns}. */
  private static final Set<String> NEVER = Set.of("source_code");

  private ListColumns() {}

  /**
   * @param r the registry
   * @param named columns given with {@code --columns} (empty: defaults)
   * @param all whether {@code --all-columns} was given
   * @return the column paths to print, in order
   */
  static List<String> of(RegistryDef r, List<String> named, boolean all) {
    if (!named.isEmpty() && all) {
      throw new InvalidArgumentException("pass either --columns or --all-columns, not both");
    }
    if (!named.isEmpty()) {
      return List.copyOf(new LinkedHashSet<>(named));
    }
    if (all) {
      List<String> out = new ArrayList<>();
      for (FieldDef f : r.fields().values()) {
        if (!NEVER.contains(f.name())) {
          out.add(f.name());
        }
      }
      return out;
    }
    List<String> preset = DEFAULTS.get(r.name());
    if (preset != null) {
      return preset.stream().filter(c -> c.contains("__") || r.field(c).isPresent()).toList();
    }
    return generic(r);
  }

  /** uid, the name field, the other public plain fields, created_at last. */
  private static List<String> generic(RegistryDef r) {
    Set<String> fks = new java.util.HashSet<>();
    for (RelationDef rel : r.relations().values()) {
      if (rel.kind() == RelationDef.Kind.FORWARD) {
        fks.add(rel.column());
      }
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    if (r.field("uid").isPresent()) {
      out.add("uid");
    }
    if (r.field(r.nameField()).isPresent()) {
      out.add(r.nameField());
    }
    for (FieldDef f : r.fields().values()) {
      String n = f.name();
      boolean hidden =
          f.isPrivate()
              || fks.contains(n)
              || f.type() == FieldType.JSON
              || NEVER.contains(n)
              || n.equals("id")
              || n.equals("updated_at")
              || n.equals("created_at");
      if (!hidden) {
        out.add(n);
      }
    }
    if (r.field("created_at").isPresent()) {
      out.add("created_at");
    }
    return List.copyOf(out);
  }
}
