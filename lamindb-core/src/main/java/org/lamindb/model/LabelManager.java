package org.lamindb.model;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.internal.features.LinkTables;
import org.lamindb.query.QuerySet;
import org.lamindb.spi.RegistryDef;

/**
 * The labels of one kind linked to a record, e.g. {@code artifact.ulabels()}, {@code
 * run.projects()}, {@code ulabel.parents()} (spec §6.6). Labels added here carry no feature.
 *
 * <pre>{@code
 * ULabel label = ln.ulabel("My label").save();
 * artifact.ulabels().add(label);
 * artifact.ulabels().list();     // [ULabel(name='My label', ...)]
 * artifact.ulabels().remove(label);
 * }</pre>
 *
 * @param <T> the label type
 */
public final class LabelManager<T extends SQLRecord<?>> {
  private final SQLRecord<?> host;
  private final String relation;
  private final Class<T> type;

  LabelManager(SQLRecord<?> host, String relation, Class<T> type) {
    this.host = host;
    this.relation = relation;
    this.type = type;
  }

  private Instance inst() {
    return Access.instance(host.ln());
  }

  private LinkTables.Link link() {
    return LinkTables.relationLink(inst().canonical(host.registry()), relation);
  }

  /** The host's registry as its instance sees it (with the relations modules add). */
  static RegistryDef registryOf(SQLRecord<?> host) {
    return Access.instance(host.ln()).canonical(host.registry());
  }

  private long hostId() {
    if (!host.isSaved()) {
      throw new InvalidArgumentException(
          host.registry().name() + " is not saved yet; save() it before labeling it");
    }
    return host.id();
  }

  /**
   * Links labels (idempotent: a label already linked without feature is not linked twice).
   *
   * @param labels saved labels
   * @return this manager
   */
  @SafeVarargs
  public final LabelManager<T> add(T... labels) {
    return add(Arrays.asList(labels));
  }

  /** Links every label of {@code labels}. */
  public LabelManager<T> add(Collection<? extends T> labels) {
    inst().checkWritable("label " + host.registry().name());
    long h = hostId();
    LinkTables.Link l = link();
    for (T t : labels) {
      if (!t.isSaved()) {
        throw new InvalidArgumentException(
            t.registry().name()
                + " "
                + t.get(t.registry().nameField())
                + " is not saved yet; save() it first");
      }
    }
    inst()
        .db()
        .transaction(
            ctx -> {
              for (T t : labels) {
                LinkTables.insert(inst(), ctx, l, h, t.id(), null);
              }
              return null;
            });
    return this;
  }

  /**
   * Unlinks labels (all links between the host and each label, with or without feature).
   *
   * @param labels labels to unlink
   * @return this manager
   */
  @SafeVarargs
  public final LabelManager<T> remove(T... labels) {
    inst().checkWritable("unlabel " + host.registry().name());
    long h = hostId();
    LinkTables.Link l = link();
    List<Long> ids = new ArrayList<>();
    for (T t : labels) {
      if (t.isSaved()) {
        ids.add(t.id());
      }
    }
    if (!ids.isEmpty()) {
      inst()
          .db()
          .dsl()
          .deleteFrom(DSL.table(DSL.name(l.table())))
          .where(col(l.hostColumn()).eq(h))
          .and(col(l.valueColumn()).in(ids))
          .execute();
    }
    return this;
  }

  /**
   * @return the linked labels (with or without feature), in id order; trashed labels are hidden
   */
  public List<T> list() {
    LinkTables.Link l = link();
    RegistryDef target = inst().registry(l.target());
    var ids =
        DSL.select(col(l.valueColumn()))
            .from(DSL.table(DSL.name(l.table())))
            .where(col(l.hostColumn()).eq(hostId()));
    org.jooq.Condition w = col("id").in(ids);
    if (target.isBranched()) {
      w = w.and(col("branch_id").ne(RecordStore.TRASH));
    }
    List<T> out = new ArrayList<>();
    for (SQLRecord<?> r : RecordStore.load(inst(), target, w)) {
      out.add(type.cast(r));
    }
    return out;
  }

  /**
   * @return a query over the linked labels, to filter further
   */
  public QuerySet<SQLRecord<?>> query() {
    LinkTables.Link l = link();
    RegistryDef target = inst().registry(l.target());
    List<Long> ids = new ArrayList<>();
    for (T t : list()) {
      ids.add(t.id());
    }
    return QuerySet.ofRegistry(host.ln(), target).filter("id__in", ids);
  }

  /**
   * @return the number of linked labels
   */
  public int count() {
    return list().size();
  }

  @Override
  public String toString() {
    return "LabelManager(" + host.registry().name() + "." + relation + ")";
  }
}
