package org.lamindb.internal.query;

import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.trueCondition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.lamindb.internal.core.Instance;
import org.lamindb.query.Condition;
import org.lamindb.query.Lookup;
import org.lamindb.spi.Dialect;
import org.lamindb.spi.FieldDef;
import org.lamindb.spi.FieldType;
import org.lamindb.spi.RegistryDef;
import org.lamindb.spi.RelationDef;

/**
 * Translates {@link Condition} trees into jOOQ conditions. Identifiers come only from {@link
 * RegistryDef}s; every value is a bind value. To-many traversals become {@code id IN (SELECT ...)}
 * subqueries, so rows never repeat; leaves under a NOT are made two-valued (a missing value counts
 * as "not matching"), as in Django.
 */
public final class SqlCompiler {
  private final Instance inst;
  private final Dialect dialect;
  private final LookupParser parser;
  private int aliasSeq;

  /**
   * @param inst the instance queried
   */
  public SqlCompiler(Instance inst) {
    this.inst = inst;
    this.dialect = inst.db().dialect();
    this.parser = new LookupParser(inst);
  }

  /**
   * @return the parser used (for validating order and include paths)
   */
  public LookupParser parser() {
    return parser;
  }

  /**
   * @return a fresh table alias
   */
  public String alias() {
    return "t" + (aliasSeq++);
  }

  /**
   * @return the jOOQ table of {@code r} under {@code alias}
   */
  public static Table<Record> table(RegistryDef r, String alias) {
    return DSL.table(name(r.table())).as(name(alias));
  }

  /**
   * @return the jOOQ table {@code tableName} under {@code alias}
   */
  public static Table<Record> table(String tableName, String alias) {
    return DSL.table(name(tableName)).as(name(alias));
  }

  /**
   * @return column {@code alias.column}
   */
  public static Field<Object> col(String alias, String column) {
    return DSL.field(name(alias, column));
  }

  /**
   * @return {@code c} compiled against registry {@code r} whose rows are aliased {@code alias}
   */
  public org.jooq.Condition compile(Condition c, RegistryDef r, String alias) {
    return compile(c, r, alias, false);
  }

  private org.jooq.Condition compile(Condition c, RegistryDef r, String alias, boolean neg) {
    switch (c.kind()) {
      case AND:
        {
          List<org.jooq.Condition> parts = new ArrayList<>();
          for (Condition ch : c.children()) {
            parts.add(compile(ch, r, alias, neg));
          }
          return parts.isEmpty() ? trueCondition() : DSL.and(parts);
        }
      case OR:
        {
          List<org.jooq.Condition> parts = new ArrayList<>();
          for (Condition ch : c.children()) {
            parts.add(compile(ch, r, alias, neg));
          }
          return parts.isEmpty() ? falseCondition() : DSL.or(parts);
        }
      case NOT:
        return DSL.not(compile(c.children().get(0), r, alias, true));
      default:
        return leaf(c, r, alias, neg);
    }
  }

  private org.jooq.Condition leaf(Condition c, RegistryDef r, String alias, boolean neg) {
    ResolvedLookup res;
    try {
      res = parser.parse(r, c.lookup());
    } catch (UnknownFieldException e) {
      if (e.atRoot() && FeatureFilters.HOSTS.contains(r.name())) {
        org.jooq.Condition f =
            FeatureFilters.resolver().resolve(inst, r, col(alias, "id"), c.lookup(), c.value());
        if (f != null) {
          return f;
        }
        throw withFeatures(e, inst.canonical(r), c.lookup());
      }
      throw e;
    }
    if (c.value() == null && res.lookup() == Lookup.EXACT && QueryDefaults.namesBranch(res)) {
      return trueCondition(); // branch=None: all branches
    }
    Object v = ValueCoercer.coerce(res, c.value());
    return path(res, 0, alias, v, neg);
  }

  /** The unknown-field error with features and relations among the suggestions. */
  private UnknownFieldException withFeatures(
      UnknownFieldException e, RegistryDef r, String lookup) {
    int sep = lookup.indexOf("__");
    String s = sep < 0 ? lookup : lookup.substring(0, sep);
    java.util.Collection<String> features;
    try {
      features = FeatureFilters.resolver().featureNames(inst);
    } catch (RuntimeException ignored) {
      return e;
    }
    List<String> names = new ArrayList<>(LookupParser.hintNames(s, r));
    List<String> all = new ArrayList<>(names);
    all.addAll(features);
    String hint;
    if (!Suggest.nearest(s, all).isEmpty()) {
      hint = Suggest.hint(s, all);
    } else {
      names.sort(null);
      hint =
          "; valid fields and relations: "
              + String.join(", ", names)
              + (features.isEmpty()
                  ? "; no feature is defined"
                  : "; features: " + String.join(", ", firstSorted(features, 20)));
    }
    UnknownFieldException out =
        new UnknownFieldException("no field '" + s + "' on " + r.name() + hint, true);
    out.initCause(e);
    return out;
  }

  private static List<String> firstSorted(java.util.Collection<String> names, int n) {
    List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(names));
    if (sorted.size() > n) {
      List<String> head = new ArrayList<>(sorted.subList(0, n));
      head.add("... (" + (sorted.size() - n) + " more)");
      return head;
    }
    return sorted;
  }

  private org.jooq.Condition path(ResolvedLookup r, int i, String alias, Object v, boolean neg) {
    List<RelationDef> rels = r.relations();
    if (i == rels.size()) {
      return compare(r, col(alias, r.field().name()), r.field(), v, neg);
    }
    RelationDef rel = rels.get(i);
    RegistryDef target = r.registries().get(i);
    boolean lastIsId = i == rels.size() - 1 && r.field().name().equals("id");
    boolean nullish = r.lookup() == Lookup.ISNULL && Boolean.TRUE.equals(v);
    Field<Object> id = col(alias, "id");
    switch (rel.kind()) {
      case FORWARD:
        {
          Field<Object> fk = col(alias, rel.column());
          FieldDef fkDef = new FieldDef(rel.column(), FieldType.INTEGER, true);
          if (lastIsId) {
            return compare(r, fk, fkDef, v, neg);
          }
          String ta = alias();
          org.jooq.Condition c =
              fk.in(
                  select(col(ta, "id"))
                      .from(table(target, ta))
                      .where(path(r, i + 1, ta, v, false)));
          if (nullish) {
            return c.or(fk.isNull());
          }
          return neg ? fk.isNotNull().and(c) : c;
        }
      case REVERSE:
        {
          String ta = alias();
          Field<Object> back = col(ta, rel.column());
          org.jooq.Condition c =
              id.in(
                  select(back)
                      .from(table(target, ta))
                      .where(back.isNotNull())
                      .and(path(r, i + 1, ta, v, false)));
          if (nullish) {
            String tb = alias();
            c =
                c.or(
                    notExists(
                        selectOne().from(table(target, tb)).where(col(tb, rel.column()).eq(id))));
          }
          return c;
        }
      default:
        {
          String la = alias();
          Field<Object> dst = col(la, rel.linkTarget());
          org.jooq.Condition c;
          if (lastIsId) {
            org.jooq.Condition linkCond =
                compare(r, dst, new FieldDef(rel.linkTarget(), FieldType.INTEGER, false), v, false);
            c =
                id.in(
                    select(col(la, rel.linkSource()))
                        .from(table(rel.linkTable(), la))
                        .where(linkCond));
          } else {
            // link JOIN target inside the IN subquery: the planner may start from either side
            String ta = alias();
            c =
                id.in(
                    select(col(la, rel.linkSource()))
                        .from(table(rel.linkTable(), la))
                        .join(table(target, ta))
                        .on(col(ta, "id").eq(dst))
                        .where(path(r, i + 1, ta, v, false)));
          }
          if (nullish) {
            String lb = alias();
            c =
                c.or(
                    notExists(
                        selectOne()
                            .from(table(rel.linkTable(), lb))
                            .where(col(lb, rel.linkSource()).eq(id))));
          }
          return c;
        }
    }
  }

  private org.jooq.Condition compare(
      ResolvedLookup r, Field<Object> col, FieldDef f, Object v, boolean neg) {
    org.jooq.Condition c = compareRaw(r.lookup(), col, f, v);
    if (neg && r.lookup() != Lookup.ISNULL && !(r.lookup() == Lookup.EXACT && v == null)) {
      c = col.isNotNull().and(c);
    }
    return c;
  }

  @SuppressWarnings("unchecked")
  private org.jooq.Condition compareRaw(Lookup l, Field<Object> col, FieldDef f, Object v) {
    switch (l) {
      case ISNULL:
        return Boolean.TRUE.equals(v) ? col.isNull() : col.isNotNull();
      case EXACT:
        if (v == null) {
          return col.isNull();
        }
        if (hasNul(f, v)) {
          return falseCondition();
        }
        if (f.type() == FieldType.BOOLEAN && dialect == Dialect.SQLITE) {
          return unindexed(col).eq(bind(f, v)); // see unindexed()
        }
        return col.eq(bind(f, v));
      case IN:
        {
          List<Field<Object>> binds = new ArrayList<>();
          for (Object o : (List<Object>) v) {
            if (!hasNul(f, o)) {
              binds.add(bind(f, o));
            }
          }
          return binds.isEmpty() ? falseCondition() : col.in(binds);
        }
      case GT:
        return col.gt(bind(f, v));
      case GTE:
        return col.ge(bind(f, v));
      case LT:
        return col.lt(bind(f, v));
      case LTE:
        return col.le(bind(f, v));
      case RANGE:
        {
          List<Object> b = (List<Object>) v;
          return col.between(bind(f, b.get(0)), bind(f, b.get(1)));
        }
      default:
        return textMatch(l, col, f, (String) v);
    }
  }

  /**
   * {@code +col} on SQLite: the same value, but the planner does not use the column's index for it.
   * For low-selectivity columns (booleans such as {@code is_latest}, the branch) so that SQLite,
   * which plans without statistics, picks the selective index of the query ({@code key}, {@code
   * uid}, {@code created_at} order) instead of one that matches almost every row.
   */
  static Field<Object> unindexed(Field<Object> col) {
    return DSL.field("+{0}", Object.class, col);
  }

  /**
   * An index-usable range implied by a prefix on SQLite text columns (binary collation: the strings
   * starting with {@code s} sort in {@code [s, s with its last char incremented)}); true when none.
   */
  static org.jooq.Condition prefixRange(FieldDef f, Field<String> t, String s) {
    if (f.type() != FieldType.STRING && f.type() != FieldType.TEXT) {
      return DSL.trueCondition();
    }
    char last = s.charAt(s.length() - 1);
    if (Character.isSurrogate(last) || last >= Character.MIN_SURROGATE - 1) {
      return t.ge(DSL.val(s));
    }
    return t.ge(DSL.val(s)).and(t.lt(DSL.val(s.substring(0, s.length() - 1) + (char) (last + 1))));
  }

  private org.jooq.Condition textMatch(Lookup l, Field<Object> col, FieldDef f, String s) {
    if (dialect == Dialect.POSTGRES && s.indexOf('\0') >= 0) {
      return falseCondition(); // PostgreSQL text cannot hold NUL, so nothing matches
    }
    Field<String> t =
        f.type() == FieldType.JSON && dialect == Dialect.POSTGRES
            ? col.cast(String.class)
            : col.coerce(String.class);
    boolean sqlite = dialect == Dialect.SQLITE;
    int n = s.codePointCount(0, s.length());
    String low = s.toLowerCase(Locale.ROOT);
    switch (l) {
      case IEXACT:
        return lower(t, low).eq(DSL.val(low));
      case CONTAINS:
        if (n == 0) {
          return t.isNotNull();
        }
        return sqlite
            ? DSL.function("instr", Integer.class, t, DSL.val(s)).gt(0)
            : t.like(DSL.val("%" + escapeLike(s) + "%"), '\\');
      case STARTSWITH:
        if (n == 0) {
          return t.isNotNull();
        }
        return sqlite
            ? DSL.function("substr", String.class, t, DSL.inline(1), DSL.val(n))
                .eq(DSL.val(s))
                .and(prefixRange(f, t, s))
            : t.like(DSL.val(escapeLike(s) + "%"), '\\');
      case ENDSWITH:
        if (n == 0) {
          return t.isNotNull();
        }
        return sqlite
            ? DSL.function("substr", String.class, t, DSL.val(-n))
                .eq(DSL.val(s))
                .and(DSL.function("length", Integer.class, t).ge(DSL.val(n)))
            : t.like(DSL.val("%" + escapeLike(s)), '\\');
      case ICONTAINS:
        return lower(t, low).like(DSL.val("%" + escapeLike(low) + "%"), '\\');
      case ISTARTSWITH:
        return lower(t, low).like(DSL.val(escapeLike(low) + "%"), '\\');
      case IENDSWITH:
        return lower(t, low).like(DSL.val("%" + escapeLike(low)), '\\');
      case REGEX:
        return sqlite
            ? DSL.function("lamin_regexp", Integer.class, t, DSL.val(s)).eq(1)
            : DSL.condition("{0} ~ {1}", t, DSL.val(s));
      default:
        throw new IllegalStateException(l.toString());
    }
  }

  /**
   * @return {@code lower(t)} with Unicode folding on both backends
   */
  public Field<String> lower(Field<String> t) {
    return DSL.function(dialect == Dialect.SQLITE ? "lamin_lower" : "lower", String.class, t);
  }

  /**
   * @param t a text expression
   * @param needle the (lower-cased) value it is compared with
   * @return {@code lower(t)}; on SQLite the Java-backed Unicode {@code lamin_lower} unless the
   *     needle is ASCII, where SQLite's native ASCII {@code lower} gives the same matches much
   *     faster
   */
  public Field<String> lower(Field<String> t, String needle) {
    boolean ascii = needle.chars().allMatch(ch -> ch < 128);
    return DSL.function(
        dialect == Dialect.SQLITE && !ascii ? "lamin_lower" : "lower", String.class, t);
  }

  private boolean hasNul(FieldDef f, Object v) {
    return dialect == Dialect.POSTGRES
        && f.type().isText()
        && v instanceof String s
        && s.indexOf('\0') >= 0;
  }

  @SuppressWarnings("unchecked")
  private Field<Object> bind(FieldDef f, Object v) {
    Object sql = inst.db().toSql(f.type(), v);
    return (Field<Object>) (Field<?>) DSL.val(sql);
  }

  /**
   * @return {@code s} with LIKE wildcards and the escape character escaped by a backslash
   */
  public static String escapeLike(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' || ch == '%' || ch == '_') {
        b.append('\\');
      }
      b.append(ch);
    }
    return b.toString();
  }
}
