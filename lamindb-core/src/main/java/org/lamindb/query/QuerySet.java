package org.lamindb.query;

import static org.lamindb.internal.core.RecordStore.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.MultipleResultsException;
import org.lamindb.NotFoundException;
import org.lamindb.internal.core.Access;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.RegistryDef;

/**
 * A lazy, immutable query over one registry: each {@code filter} returns a new query; terminals ({@link #list()},
 * {@link #first()}, {@link #one()}, {@link #count()}) run it. Default queries hide trashed records.
 *
 * @param <T> entity type
 */
public final class QuerySet<T extends SQLRecord<?>> {
  private final LaminDB ln;
  private final RegistryDef registry;
  private final Class<T> type;
  private final List<Condition> conditions;

  private QuerySet(LaminDB ln, RegistryDef registry, Class<T> type, List<Condition> conditions) {
    this.ln = ln;
    this.registry = registry;
    this.type = type;
    this.conditions = conditions;
  }

  /** @return a query over the registry of entity class {@code type} */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T extends SQLRecord<?>> QuerySet<T> of(LaminDB ln, Class<T> type) {
    Instance inst = Access.instance(ln);
    return new QuerySet<>(ln, inst.registry((Class) type), type, List.of());
  }

  /** @return a query over {@code registry} */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static QuerySet<SQLRecord<?>> ofRegistry(LaminDB ln, RegistryDef registry) {
    return new QuerySet<>(ln, registry, (Class) SQLRecord.class, List.of());
  }

  /** @return the registry queried */
  public RegistryDef registry() {
    return registry;
  }

  /** @return a query additionally requiring {@code field == value} */
  public QuerySet<T> filter(String field, Object value) {
    FieldDef f =
        registry.field(field)
            .orElseThrow(() -> new InvalidArgumentException("no field '" + field + "' on " + registry.name()));
    Instance inst = Access.instance(ln);
    List<Condition> c = new ArrayList<>(conditions);
    c.add(value == null ? col(field).isNull() : col(field).eq(inst.db().toSql(f.type(), value)));
    return new QuerySet<>(ln, registry, type, c);
  }

  private Condition where() {
    Condition w = DSL.and(conditions);
    if (registry.isBranched()) {
      w = w.and(col("branch_id").ne(RecordStore.TRASH)).and(col("branch_id").ne(0L));
    }
    return w;
  }

  /** @return all matching records */
  public List<T> list() {
    List<T> out = new ArrayList<>();
    for (SQLRecord<?> r : RecordStore.load(Access.instance(ln), registry, where())) {
      out.add(type.cast(r));
    }
    return out;
  }

  /** @return the first match, if any */
  public Optional<T> first() {
    List<T> l = list();
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** @return the only match; throws when none or several */
  public T one() {
    List<T> l = list();
    if (l.isEmpty()) {
      throw new NotFoundException("no " + registry.name() + " matches the query");
    }
    if (l.size() > 1) {
      throw new MultipleResultsException(l.size() + " " + registry.name() + " records match the query");
    }
    return l.get(0);
  }

  /** @return number of matches */
  public long count() {
    return Access.instance(ln).db().dsl().fetchCount(RecordStore.table(registry), where());
  }

  /** @return the record with {@code field == value} (latest version for versioned registries) */
  public T get(String field, Object value) {
    return filter(field, value).one();
  }
}
