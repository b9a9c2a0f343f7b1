package org.lamindb.internal.query;

import java.util.List;
import java.util.Set;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.lamindb.InvalidArgumentException;
import org.lamindb.internal.core.Instance;
import org.lamindb.internal.core.RecordStore;
import org.lamindb.query.Condition;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.RegistryDef;

/**
 * LaminDB's implicit filters (spec §9.2, §9.5): rows on the current branch or main unless a lookup
 * names the branch or an identifier ({@code id}, {@code uid}, {@code hash}); Artifact queries hide
 * LaminDB's own artifacts ({@code kind} starting with {@code __lamindb}) unless a lookup names
 * {@code kind}.
 */
public final class QueryDefaults {
  private static final Set<String> ID_KEYS =
      Set.of("id", "uid", "hash", "id__in", "uid__in", "hash__in");

  private QueryDefaults() {}

  /**
   * @return true when {@code r} filters on the branch ({@code branch}, {@code branch_id}, {@code
   *     visibility})
   */
  public static boolean namesBranch(ResolvedLookup r) {
    String h = r.head();
    return h.equals("branch") || h.equals("branch_id");
  }

  /**
   * @param inst the instance (current branch)
   * @param r the registry queried
   * @param conditions the query's conditions
   * @param alias alias of the queried rows
   * @return the implicit conditions to add (none when a condition opts out)
   */
  public static org.jooq.Condition implicit(
      Instance inst, RegistryDef r, List<Condition> conditions, String alias) {
    Scan s = scanAll(inst, r, conditions);
    org.jooq.Condition out = branch(inst, r, s, alias, true);
    if (hidesOwnKinds(r, s)) {
      out = out.and(visibleKind(inst, alias));
    }
    return out;
  }

  /**
   * The implicit conditions split in two, for counting by difference on SQLite: {@code count(where
   * ∧ branch ∧ ¬own) = count(where ∧ branch) − count(where ∧ branch ∧ own)}, where both counts are
   * served by the {@code (branch_id, kind)} index and the second reads only LaminDB's own
   * artifacts.
   *
   * @return {@code [branch conditions, own-kind condition]}, or null when no kind filter applies
   */
  public static org.jooq.Condition[] splitForCount(
      Instance inst, RegistryDef r, List<Condition> conditions, String alias) {
    if (inst.db().dialect() != Dialect.SQLITE) {
      return null; // PostgreSQL filters inside an index-only scan of (branch_id, kind) at no extra
      // cost
    }
    Scan s = scanAll(inst, r, conditions);
    if (!hidesOwnKinds(r, s)) {
      return null;
    }
    return new org.jooq.Condition[] {branch(inst, r, s, alias, false), ownKind(inst, alias)};
  }

  private static Scan scanAll(Instance inst, RegistryDef r, List<Condition> conditions) {
    LookupParser p = new LookupParser(inst);
    Scan all = new Scan();
    for (Condition c : conditions) {
      scan(p, r, c, all);
    }
    return all;
  }

  private static boolean hidesOwnKinds(RegistryDef r, Scan s) {
    return r.name().equals("Artifact") && !s.kind;
  }

  /**
   * @param filterOnly true to keep SQLite from choosing the branch index for the query (it matches
   *     almost every row; the query's own conditions or order have the selective index), false when
   *     the branch is the only condition and its index should serve it (counts)
   */
  private static org.jooq.Condition branch(
      Instance inst, RegistryDef r, Scan s, String alias, boolean filterOnly) {
    if (!r.isBranched() || s.branch || s.identifier) {
      return DSL.noCondition();
    }
    long cur = inst.branchId();
    Field<Object> b = SqlCompiler.col(alias, "branch_id");
    if (filterOnly && inst.db().dialect() == Dialect.SQLITE) {
      b = SqlCompiler.unindexed(b);
    }
    return cur == RecordStore.MAIN
        ? b.eq(DSL.val((Object) RecordStore.MAIN))
        : b.in(DSL.val((Object) cur), DSL.val((Object) RecordStore.MAIN));
  }

  /** Prefix of the kinds of LaminDB's own artifacts ({@code __lamindb_run__}, ...). */
  static final String OWN_KIND_PREFIX = "__lamindb";

  /**
   * {@code kind} starts with {@code __lamindb}. On SQLite a half-open range ({@code kind >=
   * '__lamindb' AND kind < '__lamindc'}: binary collation, case-sensitive as on PostgreSQL), which
   * costs a comparison instead of a LIKE per row and can use an index; on PostgreSQL a LIKE, exact
   * under every collation.
   */
  private static org.jooq.Condition ownKind(Instance inst, String alias) {
    Field<String> kind = SqlCompiler.col(alias, "kind").coerce(String.class);
    if (inst.db().dialect() == Dialect.SQLITE) {
      return kind.ge(DSL.inline(OWN_KIND_PREFIX)).and(kind.lt(DSL.inline("__lamindc")));
    }
    return kind.like(DSL.inline("\\_\\_lamindb%"), '\\');
  }

  private static org.jooq.Condition visibleKind(Instance inst, String alias) {
    if (inst.db().dialect() == Dialect.SQLITE) {
      // unindexed: almost every row is visible, the kind index would only slow the query down
      Field<String> kind =
          SqlCompiler.unindexed(SqlCompiler.col(alias, "kind")).coerce(String.class);
      return kind.isNull()
          .or(kind.lt(DSL.inline(OWN_KIND_PREFIX)))
          .or(kind.ge(DSL.inline("__lamindc")));
    }
    Field<String> kind = SqlCompiler.col(alias, "kind").coerce(String.class);
    return kind.isNull().or(kind.notLike(DSL.inline("\\_\\_lamindb%"), '\\'));
  }

  private static final class Scan {
    boolean branch;
    boolean identifier;
    boolean kind;
  }

  private static void scan(LookupParser p, RegistryDef r, Condition c, Scan s) {
    if (c.kind() != Condition.Kind.LOOKUP) {
      for (Condition ch : c.children()) {
        scan(p, r, ch, s);
      }
      return;
    }
    if (ID_KEYS.contains(c.lookup())) {
      s.identifier = true;
      return;
    }
    try {
      ResolvedLookup res = p.parse(r, c.lookup());
      s.branch |= namesBranch(res);
      s.kind |= res.head().equals("kind");
    } catch (InvalidArgumentException e) {
      // reported when the condition is compiled
    }
  }
}
