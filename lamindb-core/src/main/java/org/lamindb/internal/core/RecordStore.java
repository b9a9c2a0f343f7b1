package org.lamindb.internal.core;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.lamindb.IntegrityException;
import org.lamindb.InvalidArgumentException;
import org.lamindb.LaminDB;
import org.lamindb.internal.db.Database;
import org.lamindb.model.SQLRecord;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generic persistence of entities: insert with LaminDB's defaults (uid, creator, branch, space,
 * timestamps), update of changed columns, soft and permanent delete with version-head promotion,
 * loading rows into entities, and the translation of constraint violations into {@link
 * IntegrityException}s.
 */
public final class RecordStore {
  private static final Logger LOG = LoggerFactory.getLogger(RecordStore.class);

  /** Branch ids of LaminDB (spec §13). */
  public static final long TRASH = -1;

  /** The main branch. */
  public static final long MAIN = 1;

  private RecordStore() {}

  /**
   * @return the current time in UTC with microsecond precision
   */
  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * @return the jOOQ table of a registry
   */
  public static Table<Record> table(RegistryDef r) {
    return DSL.table(name(r.table()));
  }

  /**
   * @return the jOOQ field {@code column} (unqualified)
   */
  public static Field<Object> col(String column) {
    return field(name(column));
  }

  /**
   * @return the jOOQ field {@code table.column}
   */
  public static Field<Object> col(String table, String column) {
    return field(name(table, column));
  }

  /**
   * @return the fields of {@code r} for SELECT lists, qualified with {@code alias}
   */
  public static List<Field<Object>> selectFields(RegistryDef r, String alias) {
    List<Field<Object>> f = new ArrayList<>();
    for (String c : r.fields().keySet()) {
      f.add(col(alias, c));
    }
    return f;
  }

  /** Inserts or updates {@code rec}. */
  public static void save(Instance inst, SQLRecord<?> rec) {
    inst.checkWritable("save " + rec.registry().name());
    if (rec.id() == null) {
      insert(inst, inst.db().dsl(), rec);
    } else {
      update(inst, inst.db().dsl(), rec);
    }
  }

  /**
   * Fills LaminDB's construction defaults into {@code values} (uid, creator, branch, space,
   * timestamps).
   */
  public static void applyDefaults(Instance inst, RegistryDef r, Map<String, Object> v) {
    OffsetDateTime now = now();
    if (r.uidLength() > 0 && v.get("uid") == null) {
      v.put("uid", r.isVersioned() ? Uids.newFamily(r.uidLength()) : Uids.random(r.uidLength()));
    }
    if (r.isBranched()) {
      boolean mainOnly = r.name().equals("Storage");
      v.putIfAbsent("branch_id", mainOnly ? MAIN : inst.branchId());
      v.putIfAbsent("created_on_id", v.get("branch_id"));
      v.putIfAbsent("space_id", inst.spaceId());
      v.putIfAbsent("is_locked", false);
    }
    if (r.field("created_at").isPresent()) {
      v.putIfAbsent("created_at", now);
    }
    if (r.field("updated_at").isPresent()) {
      v.putIfAbsent("updated_at", now);
    }
    if (r.field("created_by_id").isPresent() && v.get("created_by_id") == null) {
      v.put("created_by_id", inst.userId());
    }
    if (r.field("run_id").isPresent()
        && r.relation("run").isPresent()
        && v.get("run_id") == null
        && inst.currentRunId() != null
        && !r.name().equals("Storage")) {
      v.put("run_id", inst.currentRunId());
    }
    if (r.isVersioned()) {
      v.putIfAbsent("is_latest", true);
    }
    if (r.field("is_type").isPresent()) {
      v.putIfAbsent("is_type", false);
    }
  }

  /**
   * Inserts {@code rec} through {@code ctx} (which may be a transaction) and reloads its columns.
   */
  public static void insert(Instance inst, DSLContext ctx, SQLRecord<?> rec) {
    RegistryDef r = rec.registry();
    Map<String, Object> v = Access.values(rec);
    applyDefaults(inst, r, v);
    Map<Field<?>, Object> row = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : v.entrySet()) {
      FieldDef f = r.fields().get(e.getKey());
      if (f == null || e.getValue() == null || f.name().equals("id")) {
        continue;
      }
      row.put(col(f.name()), inst.db().toSql(f.type(), e.getValue()));
    }
    try {
      Record idRec = ctx.insertInto(table(r)).set(row).returningResult(col("id")).fetchOne();
      long id = ((Number) idRec.get(0)).longValue();
      v.put("id", id);
    } catch (DataAccessException e) {
      throw translate(e, r, v);
    }
    Access.dirty(rec).clear();
    reload(inst, ctx, rec);
  }

  /** Updates the changed columns of {@code rec} (and updated_at). */
  public static void update(Instance inst, DSLContext ctx, SQLRecord<?> rec) {
    RegistryDef r = rec.registry();
    Set<String> dirty = Access.dirty(rec);
    if (dirty.isEmpty()) {
      return;
    }
    Map<String, Object> v = Access.values(rec);
    Map<Field<?>, Object> set = new LinkedHashMap<>();
    for (String c : dirty) {
      FieldDef f = r.fields().get(c);
      if (f != null && !c.equals("id")) {
        set.put(col(c), inst.db().toSql(f.type(), v.get(c)));
      }
    }
    if (r.field("updated_at").isPresent() && !dirty.contains("updated_at")) {
      OffsetDateTime now = now();
      v.put("updated_at", now);
      set.put(col("updated_at"), inst.db().toSql(r.fields().get("updated_at").type(), now));
    }
    if (set.isEmpty()) {
      dirty.clear();
      return;
    }
    try {
      ctx.update(table(r)).set(set).where(col("id").eq(rec.id())).execute();
    } catch (DataAccessException e) {
      throw translate(e, r, v);
    }
    dirty.clear();
  }

  /** Reloads all columns of a saved record. */
  public static void refresh(Instance inst, SQLRecord<?> rec) {
    reload(inst, inst.db().dsl(), rec);
  }

  private static void reload(Instance inst, DSLContext ctx, SQLRecord<?> rec) {
    RegistryDef r = rec.registry();
    Record row =
        ctx.select(selectFields(r, r.table()))
            .from(table(r))
            .where(col("id").eq(rec.id()))
            .fetchOne();
    if (row == null) {
      throw new org.lamindb.NotFoundException(
          r.name() + " with id " + rec.id() + " no longer exists in the database");
    }
    fill(rec, row);
  }

  /** Copies the columns of a fetched row (selected with {@link #selectFields}) into {@code rec}. */
  public static void fill(SQLRecord<?> rec, Record row) {
    Map<String, Object> v = Access.values(rec);
    int i = 0;
    for (FieldDef f : rec.registry().fields().values()) {
      v.put(f.name(), Database.fromSql(f.type(), row.get(i++)));
    }
    Access.dirty(rec).clear();
  }

  /**
   * @return the entities of {@code r} matching {@code where}, in id order
   */
  public static List<SQLRecord<?>> load(Instance inst, RegistryDef r, Condition where) {
    List<SQLRecord<?>> out = new ArrayList<>();
    for (Record row :
        inst.db()
            .dsl()
            .select(selectFields(r, r.table()))
            .from(table(r))
            .where(where)
            .orderBy(col("id"))
            .fetch()) {
      SQLRecord<?> rec = r.newEntity(inst.ln());
      fill(rec, row);
      out.add(rec);
    }
    return out;
  }

  /**
   * @return the entity of {@code r} with {@code id}, if it exists
   */
  public static Optional<SQLRecord<?>> byId(Instance inst, RegistryDef r, long id) {
    List<SQLRecord<?>> l = load(inst, r, col("id").eq(id));
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** Loads the record a forward relation of {@code rec} points to. */
  public static <R extends SQLRecord<?>> R related(
      Instance inst, SQLRecord<?> rec, String relation, Class<R> type) {
    RelationDef rel =
        rec.registry()
            .relation(relation)
            .orElseThrow(() -> new IllegalArgumentException("no relation " + relation));
    Object id = rec.get(rel.column());
    if (id == null) {
      return null;
    }
    RegistryDef target = inst.registry(rel.target());
    return byId(inst, target, (Long) id).map(type::cast).orElse(null);
  }

  /** Soft-deletes (moves to trash) or permanently deletes {@code rec}. */
  public static void delete(Instance inst, SQLRecord<?> rec, boolean permanent) {
    inst.checkWritable("delete " + rec.registry().name());
    RegistryDef r = rec.registry();
    if (rec.id() == null) {
      LOG.warn("{} is not saved; nothing to delete", r.name());
      return;
    }
    Map<String, Object> v = Access.values(rec);
    if (r.isBranched() && !permanent) {
      if (Long.valueOf(TRASH).equals(v.get("branch_id"))) {
        throw new InvalidArgumentException(
            r.name()
                + " '"
                + rec.uid()
                + "' is already in the trash; delete(true) deletes it permanently");
      }
      inst.db()
          .transaction(
              ctx -> {
                if (r.isVersioned() && Boolean.TRUE.equals(v.get("is_latest"))) {
                  if (promoteNextVersion(inst, ctx, rec)) {
                    v.put("is_latest", false);
                    Access.dirty(rec).add("is_latest");
                  }
                }
                v.put("branch_id", TRASH);
                Access.dirty(rec).add("branch_id");
                update(inst, ctx, rec);
                return null;
              });
      LOG.info("moved {} '{}' to trash", r.name(), rec.uid());
      return;
    }
    inst.db()
        .transaction(
            ctx -> {
              if (r.isVersioned() && Boolean.TRUE.equals(v.get("is_latest"))) {
                promoteNextVersion(inst, ctx, rec);
              }
              try {
                ctx.deleteFrom(table(r)).where(col("id").eq(rec.id())).execute();
              } catch (DataAccessException e) {
                throw translate(e, r, v);
              }
              return null;
            });
    v.put("id", null);
  }

  /**
   * Makes the newest other version of {@code rec}'s family on its branch the latest one.
   *
   * @return true when a version was promoted
   */
  static boolean promoteNextVersion(Instance inst, DSLContext ctx, SQLRecord<?> rec) {
    RegistryDef r = rec.registry();
    String stem = rec.uid().substring(0, r.stemLength());
    Record next =
        ctx.select(col("id"))
            .from(table(r))
            .where(col("uid").like(stem + "%"))
            .and(col("id").ne(rec.id()))
            .and(col("branch_id").eq(rec.get("branch_id")))
            .orderBy(col("created_at").desc(), col("id").desc())
            .limit(1)
            .fetchOne();
    if (next == null) {
      return false;
    }
    ctx.update(table(r))
        .set(col("is_latest"), DSL.inline(true))
        .where(col("id").eq(next.get(0)))
        .execute();
    return true;
  }

  /** Moves a trashed record back to main. */
  public static void restore(Instance inst, SQLRecord<?> rec) {
    inst.checkWritable("restore " + rec.registry().name());
    if (!rec.registry().isBranched()) {
      throw new InvalidArgumentException(
          rec.registry().name() + " records have no trash to restore from");
    }
    Access.values(rec).put("branch_id", MAIN);
    Access.dirty(rec).add("branch_id");
    update(inst, inst.db().dsl(), rec);
  }

  /** Turns a constraint violation into an {@link IntegrityException} that names what collided. */
  public static RuntimeException translate(
      DataAccessException e, RegistryDef r, Map<String, Object> v) {
    String state = e.sqlState();
    String msg = String.valueOf(e.getMessage());
    String lower = msg.toLowerCase(java.util.Locale.ROOT);
    if ("23505".equals(state)
        || lower.contains("unique constraint")
        || lower.contains("constraint failed: unique")
        || lower.contains("sqlite_constraint_unique")) {
      return new IntegrityException(
          "a "
              + r.name()
              + " with the same unique values already exists (uid="
              + v.get("uid")
              + (v.get("key") != null ? ", key=" + v.get("key") : "")
              + (v.get("hash") != null ? ", hash=" + v.get("hash") : "")
              + "): "
              + firstLine(e),
          e);
    }
    if ("23503".equals(state) || "23001".equals(state) || lower.contains("foreign key")) {
      return new IntegrityException(
          "cannot change "
              + r.name()
              + " '"
              + v.get("uid")
              + "': other records still reference it or a referenced record does not exist ("
              + firstLine(e)
              + "); delete or re-point those records first",
          e);
    }
    if ("23514".equals(state) || lower.contains("check constraint")) {
      return new IntegrityException(r.name() + " violates a check constraint: " + firstLine(e), e);
    }
    if ("23502".equals(state) || lower.contains("not null")) {
      return new InvalidArgumentException(
          r.name() + " is missing a required value: " + firstLine(e), e);
    }
    return e;
  }

  private static String firstLine(Throwable e) {
    Throwable t = e.getCause() != null ? e.getCause() : e;
    String m = String.valueOf(t.getMessage());
    return m.lines().findFirst().orElse(m).trim();
  }

  /**
   * @return the handle {@code ln} of a record, for services
   */
  public static LaminDB ln(Instance inst) {
    return inst.ln();
  }
}
