package org.lamindb.internal.query;

import java.util.List;
import org.lamindb.query.Lookup;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;

/**
 * A lookup string checked against the registries: the relations it traverses, the field it compares
 * (the target's {@code id} when the lookup ends on a relation) and the comparison.
 *
 * @param key the lookup as written
 * @param root the registry queried
 * @param relations relations traversed, in order
 * @param registries registry reached after each relation (same size as {@code relations})
 * @param field the compared field on the last registry
 * @param lookup the comparison
 * @param endsOnRelation true when the lookup names a relation itself ({@code ulabels}, {@code
 *     run__isnull})
 */
public record ResolvedLookup(
    String key,
    RegistryDef root,
    List<RelationDef> relations,
    List<RegistryDef> registries,
    FieldDef field,
    Lookup lookup,
    boolean endsOnRelation) {

  /**
   * @return the registry owning {@link #field()}
   */
  public RegistryDef fieldRegistry() {
    return registries.isEmpty() ? root : registries.get(registries.size() - 1);
  }

  /**
   * @return the first path segment after rewrites ({@code branch_id}, {@code run}, ...)
   */
  public String head() {
    return relations.isEmpty() ? field.name() : relations.get(0).name();
  }
}
