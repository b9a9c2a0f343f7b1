package org.lamindb.formats.anndata.internal;

import org.lamindb.formats.anndata.DType;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/** Builds Tablesaw columns from AnnData column elements (arrays, categoricals, nullable arrays). */
final class Columns {
  private Columns() {}

  /** A column from a flat array of {@code dtype}. */
  static Column<?> of(String name, Object values, DType dtype) {
    switch (dtype) {
      case BOOL:
        return BooleanColumn.create(name, (boolean[]) values);
      case INT8:
        {
          byte[] b = (byte[]) values;
          short[] s = new short[b.length];
          for (int i = 0; i < b.length; i++) {
            s[i] = b[i];
          }
          return ShortColumn.create(name, s);
        }
      case UINT8:
      case INT16:
        return ShortColumn.create(name, (short[]) values);
      case UINT16:
      case INT32:
        return IntColumn.create(name, (int[]) values);
      case UINT32:
      case INT64:
      case UINT64:
        return LongColumn.create(name, (long[]) values);
      case FLOAT32:
        return FloatColumn.create(name, (float[]) values);
      case FLOAT64:
        return DoubleColumn.create(name, (double[]) values);
      default:
        return strings(name, (String[]) values);
    }
  }

  static StringColumn strings(String name, String[] values) {
    StringColumn c = StringColumn.create(name);
    for (String v : values) {
      if (v == null) {
        c.appendMissing();
      } else {
        c.append(v);
      }
    }
    return c;
  }

  /** Decodes categorical codes against categories; code -1 (or out of range) is missing. */
  static String[] decode(ElementReader r, StoreNode where, Object codes, String[] categories) {
    int n = ArrayOps.length(codes);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      long c = ArrayOps.getLong(codes, i);
      if (c >= categories.length) {
        throw r.invalid(
            where,
            "categorical code "
                + c
                + " at row "
                + i
                + " but only "
                + categories.length
                + " categories");
      }
      out[i] = c < 0 ? null : categories[(int) c];
    }
    return out;
  }

  /**
   * @return the values of a {@code categorical} group (codes + categories), null where missing
   */
  static String[] categoricalValues(ElementReader r, StoreGroup g) {
    StoreArray codes = r.asArray(r.require(g, "codes"));
    StoreNode cats = r.require(g, "categories");
    String[] categories;
    if (cats instanceof StoreGroup) {
      // anndata 0.11 writes pandas string categories as nullable-string-array
      String type = r.encodingType(cats);
      if (!type.equals("nullable-string-array")) {
        throw r.invalid(cats, "categories must be an array or nullable-string-array, not " + type);
      }
      categories = (String[]) nullableValues(r, (StoreGroup) cats, type);
    } else {
      categories = stringValues(r, r.asArray(cats));
    }
    return decode(r, g, codes.read(), categories);
  }

  /**
   * @return array values rendered as strings (categories may be numeric)
   */
  static String[] stringValues(ElementReader r, StoreArray a) {
    Object v = a.read();
    if (v instanceof String[]) {
      return (String[]) v;
    }
    int n = ArrayOps.length(v);
    String[] out = new String[n];
    DType d = a.dtype();
    for (int i = 0; i < n; i++) {
      Object x = ArrayOps.get(v, i);
      if (d == DType.FLOAT32 || d == DType.FLOAT64) {
        double dv = ((Number) x).doubleValue();
        out[i] =
            dv == Math.rint(dv) && !Double.isInfinite(dv) ? Long.toString((long) dv) : x.toString();
      } else {
        out[i] = String.valueOf(x);
      }
    }
    return out;
  }

  /**
   * @return boxed values with nulls where the mask is set, for uns
   */
  static Object[] nullableValues(ElementReader r, StoreGroup g, String type) {
    StoreArray values = r.asArray(r.require(g, "values"));
    Object v = values.read();
    boolean[] mask = mask(r, g, ArrayOps.length(v));
    Object[] out =
        type.equals("nullable-boolean")
            ? new Boolean[mask.length]
            : type.equals("nullable-string-array")
                ? new String[mask.length]
                : new Long[mask.length];
    for (int i = 0; i < mask.length; i++) {
      if (!mask[i]) {
        Object x = ArrayOps.get(v, i);
        out[i] = out instanceof Long[] ? Long.valueOf(((Number) x).longValue()) : x;
      }
    }
    return out;
  }

  private static boolean[] mask(ElementReader r, StoreGroup g, int n) {
    StoreNode m = g.child("mask");
    if (m == null) {
      return new boolean[n];
    }
    Object mv = r.asArray(m).read();
    if (!(mv instanceof boolean[]) || ((boolean[]) mv).length != n) {
      throw r.invalid(m, "mask must be " + n + " booleans");
    }
    return (boolean[]) mv;
  }

  /** A column from a nullable-integer/boolean/string-array group. */
  static Column<?> nullable(ElementReader r, StoreGroup g, String name, String type) {
    StoreArray values = r.asArray(r.require(g, "values"));
    DType d = values.dtype();
    Object v = values.read();
    int n = ArrayOps.length(v);
    boolean[] mask = mask(r, g, n);
    if (type.equals("nullable-boolean")) {
      BooleanColumn c = BooleanColumn.create(name);
      for (int i = 0; i < n; i++) {
        if (mask[i]) {
          c.appendMissing();
        } else {
          c.append(ArrayOps.getDouble(v, d, i) != 0);
        }
      }
      return c;
    }
    if (type.equals("nullable-string-array")) {
      String[] s = (String[]) v;
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = mask[i] ? null : s[i];
      }
      return strings(name, out);
    }
    if (d == DType.INT64 || d == DType.UINT32 || d == DType.UINT64) {
      LongColumn c = LongColumn.create(name);
      for (int i = 0; i < n; i++) {
        if (mask[i]) {
          c.appendMissing();
        } else {
          c.append(ArrayOps.getLong(v, i));
        }
      }
      return c;
    }
    IntColumn c = IntColumn.create(name);
    for (int i = 0; i < n; i++) {
      if (mask[i]) {
        c.appendMissing();
      } else {
        c.append((int) ArrayOps.getLong(v, i));
      }
    }
    return c;
  }

  /** Restores a nullable integer/boolean column written as float64 with NaN for missing. */
  static Column<?> fromNanFloats(String name, double[] v, String kind) {
    Column<?> c;
    if (kind.startsWith("nullable-boolean")) {
      BooleanColumn b = BooleanColumn.create(name);
      for (double x : v) {
        if (Double.isNaN(x)) {
          b.appendMissing();
        } else {
          b.append(x != 0);
        }
      }
      c = b;
    } else if (kind.endsWith("INT64")) {
      LongColumn l = LongColumn.create(name);
      for (double x : v) {
        if (Double.isNaN(x)) {
          l.appendMissing();
        } else {
          l.append((long) x);
        }
      }
      c = l;
    } else if (kind.endsWith("INT16")) {
      ShortColumn sc = ShortColumn.create(name);
      for (double x : v) {
        if (Double.isNaN(x)) {
          sc.appendMissing();
        } else {
          sc.append((short) x);
        }
      }
      c = sc;
    } else {
      IntColumn ic = IntColumn.create(name);
      for (double x : v) {
        if (Double.isNaN(x)) {
          ic.appendMissing();
        } else {
          ic.append((int) x);
        }
      }
      c = ic;
    }
    return c;
  }

  /**
   * Any dataframe column element: plain array, legacy categorical, categorical or nullable group.
   */
  static Column<?> column(
      ElementReader r, StoreNode node, String name, StoreGroup legacyCategories) {
    String type = r.encodingType(node);
    switch (type) {
      case "categorical":
        return strings(name, categoricalValues(r, r.asGroup(node)));
      case "nullable-integer":
      case "nullable-boolean":
      case "nullable-string-array":
        return nullable(r, r.asGroup(node), name, type);
      case "array":
      case "string-array":
        {
          StoreArray a = r.asArray(node);
          if (a.shape().length != 1) {
            throw r.invalid(
                node, "a dataframe column must be 1-d, found " + a.shape().length + "-d");
          }
          String nullable = a.attrString(AnnDataWriter.NULLABLE_AS_FLOAT);
          if (nullable != null && a.dtype() == DType.FLOAT64) {
            return fromNanFloats(name, (double[]) a.read(), nullable);
          }
          StoreNode cats = legacyCategories == null ? null : legacyCategories.child(name);
          if (cats != null) {
            return strings(name, decode(r, node, a.read(), stringValues(r, r.asArray(cats))));
          }
          return of(name, a.read(), a.dtype());
        }
      default:
        throw r.invalid(node, "unsupported dataframe column encoding '" + type + "'");
    }
  }
}
