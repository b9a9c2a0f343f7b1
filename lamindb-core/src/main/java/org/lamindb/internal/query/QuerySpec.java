package org.lamindb.internal.query;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectQuery;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.Instance;
import org.lamindb.query.Condition;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.RegistryDef;

/**
 * Everything a query set holds, and the SQL it stands for: {@code SELECT <fields> FROM <table> b
 * WHERE <conditions AND implicit defaults AND search candidates> ORDER BY <search score, order, id>
 * LIMIT/OFFSET}.
 *
 * @param inst the instance
 * @param registry the registry queried
 * @param conditions user conditions (filters, and exclusions as NOT)
 * @param order order keys such as {@code -created_at}
 * @param limit row limit or null
 * @param offset rows to skip or null
 * @param distinct whether projections drop duplicate rows
 * @param search search text or null
 */
public record QuerySpec(
    Instance inst,
    RegistryDef registry,
    List<Condition> conditions,
    List<String> order,
    Integer limit,
    Integer offset,
    boolean distinct,
    String search) {

  /** Alias of the queried table in every statement. */
  public static final String BASE = "b";

  /**
   * @return the WHERE condition: user conditions, implicit defaults and search candidates
   */
  public org.jooq.Condition where(boolean implicitDefaults) {
    SqlCompiler c = new SqlCompiler(inst);
    org.jooq.Condition w = c.compile(Condition.allOf(conditions), registry, BASE);
    if (implicitDefaults) {
      w = w.and(QueryDefaults.implicit(inst, registry, conditions, BASE));
    }
    if (search != null) {
      w = w.and(new SearchScorer(inst, registry, search, BASE).candidates());
    }
    return w;
  }

  /**
   * @return the ORDER BY fields; {@code defaultOrder} applies when no order was given
   */
  public List<SortField<?>> sort(String defaultOrder) {
    List<SortField<?>> out = new ArrayList<>();
    if (search != null) {
      out.addAll(new SearchScorer(inst, registry, search, BASE).order());
    }
    List<String> keys = order.isEmpty() && search == null ? List.of(defaultOrder) : order;
    boolean hasId = false;
    for (String k : keys) {
      if (k.startsWith(MEMBER_ORDER)) {
        out.add(memberOrder(k.substring(MEMBER_ORDER.length())).asc());
        continue;
      }
      boolean desc = k.startsWith("-");
      FieldDef f = orderField(inst, registry, desc ? k.substring(1) : k);
      hasId |= f.name().equals("id");
      Field<Object> col = SqlCompiler.col(BASE, f.name());
      if (f.name().equals("id") || !f.nullable()) {
        // the primary key and NOT NULL columns hold no nulls: a plain ORDER BY lets the database
        // walk the column's index for LIMIT queries
        out.add(desc ? col.desc() : col.asc());
      } else {
        out.add(desc ? col.desc().nullsLast() : col.asc().nullsFirst());
      }
    }
    if (!hasId) {
      out.add(SqlCompiler.col(BASE, "id").asc());
    }
    return out;
  }

  /**
   * Order key prefix for "insertion order in a collection": followed by the comma-separated ids of
   * a collection version and the versions its member list extends (see {@code
   * internal.collection}).
   */
  public static final String MEMBER_ORDER = "@collection-members:";

  private static Field<Object> memberOrder(String chainIds) {
    if (!chainIds.matches("[0-9]+(,[0-9]+)*")) {
      throw new InvalidArgumentException("invalid collection member order '" + chainIds + "'");
    }
    return org.jooq.impl.DSL.field(
        "(SELECT min(ca.id) FROM lamindb_collectionartifact ca WHERE ca.artifact_id = "
            + BASE
            + ".id AND ca.collection_id IN ("
            + chainIds
            + "))");
  }

  /**
   * @return the field named by an order key, validated
   */
  public static FieldDef orderField(Instance inst, RegistryDef registry, String name) {
    ResolvedLookup r = new LookupParser(inst).parse(registry, name);
    if (!r.relations().isEmpty() || r.lookup() != org.lamindb.query.Lookup.EXACT) {
      throw new InvalidArgumentException(
          "cannot order "
              + registry.name()
              + " by '"
              + name
              + "': order by a field of "
              + registry.name()
              + " such as "
              + registry.nameField()
              + " or -created_at");
    }
    return r.field();
  }

  /**
   * Counts the matching rows (no limit, offset or search). A plain count of artifacts is taken as
   * the difference of two index-only counts (all rows of the branch minus LaminDB's own), so that
   * the filter hiding LaminDB's artifacts is not evaluated on every row.
   *
   * @param ctx the context
   * @return the number of matching rows
   */
  public long count(DSLContext ctx) {
    org.jooq.Condition[] split =
        conditions.isEmpty() ? QueryDefaults.splitForCount(inst, registry, conditions, BASE) : null;
    if (split == null) {
      return ((Number) select(ctx, List.of(DSL.count()), null, true).fetchOne(0)).longValue();
    }
    org.jooq.Condition base = where(false).and(split[0]);
    Field<Integer> all =
        DSL.field(ctx.selectCount().from(SqlCompiler.table(registry, BASE)).where(base));
    Field<Integer> own =
        DSL.field(
            ctx.selectCount().from(SqlCompiler.table(registry, BASE)).where(base.and(split[1])));
    return ((Number) ctx.select(all.minus(own)).fetchOne(0)).longValue();
  }

  /**
   * @param ctx the context
   * @param fields the SELECT list
   * @param defaultOrder order used when none was given, or null for no ORDER BY (counting)
   * @param implicitDefaults whether default branch/kind filters apply
   * @return the query
   */
  public SelectQuery<Record> select(
      DSLContext ctx,
      List<? extends SelectFieldOrAsterisk> fields,
      String defaultOrder,
      boolean implicitDefaults) {
    SelectQuery<Record> q = ctx.selectQuery();
    q.addSelect(fields);
    q.addFrom(SqlCompiler.table(registry, BASE));
    q.addConditions(where(implicitDefaults));
    if (defaultOrder != null) {
      q.addOrderBy(sort(defaultOrder));
    }
    Integer lim = limit != null ? limit : search != null ? SearchScorer.DEFAULT_LIMIT : null;
    if (lim != null) {
      q.addLimit(offset == null ? 0 : offset, lim);
    } else if (offset != null) {
      q.addOffset(offset);
    }
    return q;
  }
}
