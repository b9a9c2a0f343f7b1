package org.lamindb.internal.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.SelectQuery;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.query.Lookup;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.RegistryDef;

/**
 * Set-based writes on the rows of a query: soft delete (to trash, branch −1), permanent delete and
 * update, in one transaction each. Deleting the latest version of a family promotes the newest
 * remaining version on the same branch (spec §2.3).
 */
public final class BulkOps {
  private BulkOps() {}

  /**
   * @param spec the query selecting the rows
   * @param permanent true deletes rows; false moves them to the trash (registries without branches
   *     and Storage: always deletes)
   * @return the number of rows deleted or trashed
   */
  public static int delete(QuerySpec spec, boolean permanent) {
    RegistryDef r = spec.registry();
    Instance inst = spec.inst();
    boolean soft =
        !permanent && r.isBranched() && !r.name().equals("Storage"); // storages have no trash
    return QueryRunner.write(
        inst,
        ctx -> {
          List<Record3<Object, Object, Object>> heads = new ArrayList<>();
          if (r.isVersioned()) {
            SelectQuery<Record> q = ids(spec, ctx);
            heads =
                ctx.select(col("uid"), col("branch_id"), col("id"))
                    .from(RecordStore.table(r))
                    .where(col("id").in(q))
                    .and(col("is_latest").eq(DSL.val((Object) Boolean.TRUE)))
                    .fetch();
          }
          int n;
          if (soft) {
            Map<Field<?>, Object> set = new LinkedHashMap<>();
            set.put(col("branch_id"), DSL.val((Object) RecordStore.TRASH));
            if (r.field("updated_at").isPresent()) {
              set.put(
                  col("updated_at"),
                  DSL.val(inst.db().toSql(r.field("updated_at").get().type(), RecordStore.now())));
            }
            n =
                ctx.update(RecordStore.table(r))
                    .set(set)
                    .where(col("id").in(ids(spec, ctx)))
                    .execute();
          } else {
            n = ctx.deleteFrom(RecordStore.table(r)).where(col("id").in(ids(spec, ctx))).execute();
          }
          for (Record3<Object, Object, Object> h : heads) {
            String stem = ((String) h.value1()).substring(0, r.stemLength());
            boolean promoted = promote(ctx, r, stem, h.value2());
            if (soft && promoted) {
              ctx.update(RecordStore.table(r))
                  .set(Map.of(col("is_latest"), DSL.val((Object) Boolean.FALSE)))
                  .where(col("id").eq(DSL.val(h.value3())))
                  .execute();
            }
          }
          return n;
        });
  }

  private static boolean promote(DSLContext ctx, RegistryDef r, String stem, Object branch) {
    Record next =
        ctx.select(col("id"))
            .from(RecordStore.table(r))
            .where(col("uid").like(DSL.val(SqlCompiler.escapeLike(stem) + "%"), '\\'))
            .and(col("branch_id").eq(DSL.val(branch)))
            .orderBy(col("created_at").desc(), col("id").desc())
            .limit(1)
            .fetchOne();
    if (next == null) {
      return false;
    }
    ctx.update(RecordStore.table(r))
        .set(Map.of(col("is_latest"), DSL.val((Object) Boolean.TRUE)))
        .where(col("id").eq(DSL.val(next.get(0))))
        .execute();
    return true;
  }

  /**
   * @param spec the query selecting the rows
   * @param values new values by field name (fields of the registry only)
   * @return the number of rows updated
   */
  public static int update(QuerySpec spec, Map<String, ?> values) {
    RegistryDef r = spec.registry();
    Instance inst = spec.inst();
    LookupParser p = new LookupParser(inst);
    Map<Field<?>, Object> set = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      ResolvedLookup res = p.parse(r, e.getKey());
      if (!res.relations().isEmpty()
          || res.lookup() != Lookup.EXACT
          || res.field().name().equals("id")) {
        throw new InvalidArgumentException(
            "cannot update '"
                + e.getKey()
                + "' of "
                + r.name()
                + ": update takes plain fields such as "
                + r.nameField()
                + " or description");
      }
      FieldDef f = res.field();
      Object v = ValueCoercer.coerce(res, e.getValue());
      if (v == null && !f.nullable()) {
        throw new InvalidArgumentException(
            "field '" + f.name() + "' of " + r.name() + " cannot be null");
      }
      set.put(col(f.name()), DSL.val(inst.db().toSql(f.type(), v)));
    }
    if (set.isEmpty()) {
      return 0;
    }
    if (r.field("updated_at").isPresent() && !values.containsKey("updated_at")) {
      set.put(
          col("updated_at"),
          DSL.val(inst.db().toSql(r.field("updated_at").get().type(), RecordStore.now())));
    }
    return QueryRunner.write(
        inst,
        ctx ->
            ctx.update(RecordStore.table(r))
                .set(set)
                .where(col("id").in(ids(spec, ctx)))
                .execute());
  }

  private static SelectQuery<Record> ids(QuerySpec spec, DSLContext ctx) {
    boolean window = spec.limit() != null || spec.offset() != null;
    return spec.select(
        ctx, List.of(SqlCompiler.col(QuerySpec.BASE, "id")), window ? "id" : null, true);
  }

  private static Field<Object> col(String c) {
    return RecordStore.col(c);
  }
}
