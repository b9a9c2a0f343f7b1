package org.lamindb.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringContains;
import org.apache.spark.sql.sources.StringEndsWith;
import org.apache.spark.sql.sources.StringStartsWith;
import org.lamindb.model.Artifact;
import org.lamindb.query.QuerySet;

/**
 * Spark filters on artifact-level columns ({@code artifact_uid}, feature columns): translated to
 * registry lookups where LaminDB has one ({@code uid__in}, {@code gc_content__gt}, ...), and
 * evaluated exactly on the artifacts' values otherwise; either way no file is opened.
 */
final class RegistryFilters {
  static final String UID_COLUMN = "artifact_uid";

  private RegistryFilters() {}

  /**
   * @return the lookup refinement for {@code f}, or null when the registry has no equivalent
   */
  static UnaryOperator<QuerySet<Artifact>> translate(Filter f) {
    if (f instanceof And a) {
      UnaryOperator<QuerySet<Artifact>> l = translate(a.left());
      UnaryOperator<QuerySet<Artifact>> r = translate(a.right());
      return l == null || r == null ? null : qs -> r.apply(l.apply(qs));
    }
    if (f instanceof EqualTo e && e.value() != null) {
      return lookup(e.attribute(), "", e.value());
    }
    if (f instanceof EqualNullSafe e && e.value() != null) {
      return lookup(e.attribute(), "", e.value());
    }
    if (f instanceof GreaterThan g) {
      return lookup(g.attribute(), "__gt", g.value());
    }
    if (f instanceof GreaterThanOrEqual g) {
      return lookup(g.attribute(), "__gte", g.value());
    }
    if (f instanceof LessThan l) {
      return lookup(l.attribute(), "__lt", l.value());
    }
    if (f instanceof LessThanOrEqual l) {
      return lookup(l.attribute(), "__lte", l.value());
    }
    if (f instanceof In in) {
      List<Object> values = new ArrayList<>();
      for (Object v : in.values()) {
        if (v != null) {
          values.add(java(v));
        }
      }
      return values.isEmpty() ? null : lookup(in.attribute(), "__in", values);
    }
    if (f instanceof StringStartsWith s && s.attribute().equals(UID_COLUMN)) {
      return lookup(s.attribute(), "__startswith", s.value());
    }
    return null;
  }

  private static UnaryOperator<QuerySet<Artifact>> lookup(String column, String op, Object value) {
    String field = column.equals(UID_COLUMN) ? "uid" : column;
    Object v = value instanceof List<?> ? value : java(value);
    if (v == null) {
      return null;
    }
    return qs -> qs.filter(field + op, v);
  }

  /** Spark literal → the Java value LaminDB's lookups take. */
  static Object java(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float fl) {
      return fl.doubleValue();
    }
    if (v instanceof java.math.BigDecimal bd) {
      return bd.doubleValue();
    }
    if (v instanceof Long || v instanceof Double || v instanceof Boolean || v instanceof String) {
      return v;
    }
    return v == null ? null : v.toString();
  }

  /**
   * Evaluates {@code f} on one artifact's constant columns (SQL semantics: unknown → false).
   *
   * @param row column → value (absent: null)
   */
  static boolean matches(Filter f, Map<String, Object> row) {
    return Boolean.TRUE.equals(eval(f, row));
  }

  private static Boolean eval(Filter f, Map<String, Object> row) {
    if (f instanceof And a) {
      Boolean l = eval(a.left(), row);
      Boolean r = eval(a.right(), row);
      if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
        return false;
      }
      return l == null || r == null ? null : true;
    }
    if (f instanceof Or o) {
      Boolean l = eval(o.left(), row);
      Boolean r = eval(o.right(), row);
      if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
        return true;
      }
      return l == null || r == null ? null : false;
    }
    if (f instanceof Not n) {
      Boolean c = eval(n.child(), row);
      return c == null ? null : !c;
    }
    if (f instanceof IsNull n) {
      return row.get(n.attribute()) == null;
    }
    if (f instanceof IsNotNull n) {
      return row.get(n.attribute()) != null;
    }
    if (f instanceof EqualNullSafe e) {
      Object v = row.get(e.attribute());
      return v == null || e.value() == null ? v == e.value() : compare(v, java(e.value())) == 0;
    }
    if (f instanceof In in) {
      Object v = row.get(in.attribute());
      if (v == null) {
        return null;
      }
      for (Object o : in.values()) {
        if (o != null && compare(v, java(o)) == 0) {
          return true;
        }
      }
      return false;
    }
    String attr = f.references().length == 1 ? f.references()[0] : null;
    Object v = attr == null ? null : row.get(attr);
    if (v == null) {
      return null;
    }
    if (f instanceof EqualTo e) {
      return e.value() == null ? null : compare(v, java(e.value())) == 0;
    }
    if (f instanceof GreaterThan g) {
      return compare(v, java(g.value())) > 0;
    }
    if (f instanceof GreaterThanOrEqual g) {
      return compare(v, java(g.value())) >= 0;
    }
    if (f instanceof LessThan l) {
      return compare(v, java(l.value())) < 0;
    }
    if (f instanceof LessThanOrEqual l) {
      return compare(v, java(l.value())) <= 0;
    }
    if (f instanceof StringStartsWith s) {
      return v.toString().startsWith(s.value());
    }
    if (f instanceof StringEndsWith s) {
      return v.toString().endsWith(s.value());
    }
    if (f instanceof StringContains s) {
      return v.toString().contains(s.value());
    }
    return true; // unknown filter: keep the artifact, Spark applies the filter to the rows
  }

  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    return Objects.toString(a).compareTo(Objects.toString(b));
  }

  /**
   * @return whether the in-memory evaluation of {@code f} is exact (else Spark must re-apply it)
   */
  static boolean exact(Filter f) {
    if (f instanceof And a) {
      return exact(a.left()) && exact(a.right());
    }
    if (f instanceof Or o) {
      return exact(o.left()) && exact(o.right());
    }
    if (f instanceof Not n) {
      return exact(n.child());
    }
    return f instanceof IsNull
        || f instanceof IsNotNull
        || f instanceof EqualNullSafe
        || f instanceof EqualTo
        || f instanceof In
        || f instanceof GreaterThan
        || f instanceof GreaterThanOrEqual
        || f instanceof LessThan
        || f instanceof LessThanOrEqual
        || f instanceof StringStartsWith
        || f instanceof StringEndsWith
        || f instanceof StringContains;
  }
}
