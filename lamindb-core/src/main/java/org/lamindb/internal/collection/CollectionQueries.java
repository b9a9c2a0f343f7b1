package org.lamindb.internal.collection;

import java.util.stream.Collectors;
import org.lamindb.LaminDB;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.query.QuerySpec;
import org.lamindb.model.Artifact;
import org.lamindb.model.Collection;
import org.lamindb.query.QuerySet;

/** Queries over collection members. */
public final class CollectionQueries {
  private CollectionQueries() {}

  /**
   * @return the members of {@code c} as a query, in insertion order
   */
  public static QuerySet<Artifact> members(LaminDB ln, Collection c) {
    String chain =
        CollectionStore.of(Access.instance(ln)).chain(c.id()).stream()
            .map(String::valueOf)
            .collect(Collectors.joining(","));
    return ln.artifacts().filter("collections__id", c.id()).orderBy(QuerySpec.MEMBER_ORDER + chain);
  }
}
