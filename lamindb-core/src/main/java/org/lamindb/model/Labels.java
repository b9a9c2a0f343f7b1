package org.lamindb.model;

import java.util.ArrayList;
import java.util.List;
import org.lamindb.InvalidArgumentException;
import org.lamindb.query.QuerySet;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;

/**
 * All label relations of a record by name (LaminDB's {@code artifact.labels}), including the ones
 * modules add, e.g. bionty's {@code diseases}, {@code cell_types}, {@code tissues}:
 *
 * <pre>{@code
 * artifact.labels().get("diseases").toDataFrame();    // linked diseases, with or without feature
 * artifact.labels().of("diseases").add(alzheimers);  // link one without feature
 * artifact.labels().relations();                      // [ulabels, ..., cell_types, diseases, ...]
 * }</pre>
 */
public final class Labels {
  private final SQLRecord<?> host;

  Labels(SQLRecord<?> host) {
    this.host = host;
  }

  private RegistryDef registry() {
    return LabelManager.registryOf(host);
  }

  /**
   * @return names of the many-to-many relations of the host (label relations), in definition order
   */
  public List<String> relations() {
    List<String> out = new ArrayList<>();
    for (RelationDef r : registry().relations().values()) {
      if (r.kind() == RelationDef.Kind.MANY) {
        out.add(r.name());
      }
    }
    return out;
  }

  /**
   * @param relation a label relation, e.g. {@code ulabels}, {@code diseases}
   * @return the manager of that relation ({@code add}, {@code remove}, {@code list})
   * @throws InvalidArgumentException when the host has no such relation (listing the valid ones)
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public LabelManager<SQLRecord<?>> of(String relation) {
    check(relation);
    return new LabelManager<>(host, relation, (Class) SQLRecord.class);
  }

  /**
   * @param relation a label relation, e.g. {@code diseases}
   * @return a query over the labels linked through it (with or without feature); trashed labels are
   *     hidden
   */
  public QuerySet<SQLRecord<?>> get(String relation) {
    return of(relation).query();
  }

  private void check(String relation) {
    List<String> rels = relations();
    if (!rels.contains(relation)) {
      throw new InvalidArgumentException(
          host.registry().name()
              + " has no label relation '"
              + relation
              + "'; label relations: "
              + String.join(", ", rels)
              + " (labels of a feature: features().labels(\""
              + relation
              + "\"))");
    }
  }
}
