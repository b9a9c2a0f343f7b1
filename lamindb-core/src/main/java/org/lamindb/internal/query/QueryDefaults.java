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
    boolean branchFree = false;
    boolean kindNamed = false;
    LookupParser p = new LookupParser(inst);
    for (Condition c : conditions) {
      Scan s = new Scan();
      scan(p, r, c, s);
      branchFree |= s.branch || s.identifier;
      kindNamed |= s.kind;
    }
    org.jooq.Condition out = DSL.noCondition();
    if (r.isBranched() && !branchFree) {
      long cur = inst.branchId();
      Field<Object> b = SqlCompiler.col(alias, "branch_id");
      out =
          cur == RecordStore.MAIN
              ? b.eq(DSL.val((Object) RecordStore.MAIN))
              : b.in(DSL.val((Object) cur), DSL.val((Object) RecordStore.MAIN));
      if (inst.db().dialect() == Dialect.SQLITE) {
        // nearly every row is on main: without this hint SQLite walks the branch index
        // (100,000 rows for a key prefix matching one) instead of the selective index
        out = DSL.condition("likely({0})", out);
      }
    }
    if (r.name().equals("Artifact") && !kindNamed) {
      Field<String> kind = SqlCompiler.col(alias, "kind").coerce(String.class);
      out = out.and(kind.isNull().or(kind.notLike(DSL.inline("\\_\\_lamindb%"), '\\')));
    }
    return out;
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
