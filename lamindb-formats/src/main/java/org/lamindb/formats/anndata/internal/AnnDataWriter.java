package org.lamindb.formats.anndata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.lamindb.InvalidArgumentException;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.formats.anndata.Matrix;
import org.lamindb.formats.anndata.SparseMatrix;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes AnnData in the current anndata on-disk encoding (anndata 0.8+: {@code encoding-type} and
 * {@code encoding-version} on every element): root {@code anndata/0.1.0}, {@code dataframe/0.2.0},
 * {@code array/0.2.0}, {@code csr_matrix}/{@code csc_matrix/0.1.0}, {@code categorical/0.2.0},
 * {@code nullable-integer}/{@code nullable-boolean}/{@code nullable-string-array/0.1.0}, {@code
 * string-array/0.2.0}, {@code string}/{@code numeric-scalar/0.2.0}, {@code dict/0.1.0}, {@code
 * raw/0.1.0}. String columns of obs/var are written as categoricals, as anndata does.
 */
public final class AnnDataWriter {
  /**
   * Attribute marking a float64 array that stands for a nullable integer/boolean column in .h5ad.
   */
  public static final String NULLABLE_AS_FLOAT = "lamindb-nullable";

  private final boolean noEmptyArrays;
  private final boolean hdf5Bitfields;

  /** A writer for stores that write empty arrays and real booleans (zarr). */
  public AnnDataWriter() {
    this(false, false);
  }

  /**
   * @param noEmptyArrays true when the store cannot write zero-length arrays (jHDF): an empty
   *     sparse matrix keeps one unused entry past {@code indptr[-1]}, an all-missing categorical
   *     one category
   * @param hdf5Bitfields true when the store writes booleans as HDF5 bitfields: Python reads those
   *     as uint8, which pandas rejects as a nullable mask, so nullable integer/boolean columns with
   *     missing values are written as float64 arrays with NaN (marked with {@link
   *     #NULLABLE_AS_FLOAT} so we restore them)
   */
  public AnnDataWriter(boolean noEmptyArrays, boolean hdf5Bitfields) {
    this.noEmptyArrays = noEmptyArrays;
    this.hdf5Bitfields = hdf5Bitfields;
  }

  /** Writes {@code a} into the root group {@code root}. */
  public void write(AnnData a, StoreWriter root) {
    root.attrs(enc("anndata", "0.1.0"));
    if (a.x() != null) {
      matrix(root, "X", a.x());
    }
    dataFrame(root, "obs", a.obs());
    dataFrame(root, "var", a.var());
    StoreWriter layers = root.group("layers", enc("dict", "0.1.0"));
    a.layers().forEach((k, m) -> matrix(layers, k, m));
    mixed(root.group("obsm", enc("dict", "0.1.0")), a.obsm());
    mixed(root.group("varm", enc("dict", "0.1.0")), a.varm());
    StoreWriter obsp = root.group("obsp", enc("dict", "0.1.0"));
    a.obsp().forEach((k, m) -> matrix(obsp, k, m));
    StoreWriter varp = root.group("varp", enc("dict", "0.1.0"));
    a.varp().forEach((k, m) -> matrix(varp, k, m));
    dict(root, "uns", a.uns());
    if (a.raw() != null) {
      StoreWriter raw = root.group("raw", enc("raw", "0.1.0"));
      if (a.raw().x() != null) {
        matrix(raw, "X", a.raw().x());
      }
      dataFrame(raw, "var", a.raw().var());
      mixed(
          raw.group("varm", enc("dict", "0.1.0")),
          a.raw().varm() == null ? Map.of() : a.raw().varm());
    }
  }

  static Map<String, Object> enc(String type, String version) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("encoding-type", type);
    m.put("encoding-version", version);
    return m;
  }

  private void mixed(StoreWriter g, Map<String, Object> values) {
    values.forEach((k, v) -> element(g, k, v));
  }

  /** Writes a dense or sparse matrix. */
  void matrix(StoreWriter g, String name, Matrix m) {
    if (m instanceof DenseMatrix) {
      DenseMatrix d = (DenseMatrix) m;
      g.array(name, d.data(), d.dtype(), d.shape(), enc("array", "0.2.0"));
    } else if (m instanceof SparseMatrix) {
      SparseMatrix s = (SparseMatrix) m;
      Map<String, Object> attrs =
          enc(s.format() == SparseMatrix.Format.CSR ? "csr_matrix" : "csc_matrix", "0.1.0");
      attrs.put("shape", s.shape());
      StoreWriter sg = g.group(name, attrs);
      Object data = s.data();
      int[] indices = s.indices();
      if (noEmptyArrays && s.nnz() == 0) {
        // jHDF cannot write zero-length datasets: store one unused entry past indptr[-1] (scipy and
        // our
        // reader only use data[:indptr[-1]])
        data = ArrayOps.allocate(s.dtype(), 1);
        indices = new int[1];
      }
      sg.array("data", data, s.dtype(), new long[] {ArrayOps.length(data)}, Map.of());
      sg.array("indices", indices, DType.INT32, new long[] {indices.length}, Map.of());
      sg.array("indptr", s.indptr(), DType.INT64, new long[] {s.indptr().length}, Map.of());
    } else {
      throw new InvalidArgumentException(
          "cannot write matrix type "
              + m.getClass().getName()
              + " at '"
              + name
              + "': use DenseMatrix or SparseMatrix");
    }
  }

  /** Writes a table as a dataframe; column 0 is the index. */
  void dataFrame(StoreWriter parent, String name, Table t) {
    if (t.columnCount() == 0) {
      throw new InvalidArgumentException(
          "dataframe '" + name + "' needs an index column (column 0)");
    }
    String index = t.column(0).name();
    List<String> order = new ArrayList<>(t.columnNames().subList(1, t.columnCount()));
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("_index", index);
    attrs.put("column-order", order.toArray(new String[0]));
    attrs.putAll(enc("dataframe", "0.2.0"));
    StoreWriter g = parent.group(name, attrs);
    String[] idx = t.column(0).asStringColumn().asObjectArray();
    g.array(index, idx, DType.STRING, new long[] {idx.length}, enc("string-array", "0.2.0"));
    for (int c = 1; c < t.columnCount(); c++) {
      column(g, t.column(c));
    }
  }

  private void column(StoreWriter g, Column<?> c) {
    String name = c.name();
    int n = c.size();
    boolean missing = c.countMissing() > 0;
    ColumnType type = c.type();
    if (c instanceof BooleanColumn) {
      BooleanColumn b = (BooleanColumn) c;
      boolean[] values = new boolean[n];
      boolean[] mask = new boolean[n];
      for (int i = 0; i < n; i++) {
        mask[i] = b.isMissing(i);
        values[i] = !mask[i] && b.get(i);
      }
      nullableOrPlain(g, name, values, DType.BOOL, mask, missing, "nullable-boolean");
    } else if (c instanceof ShortColumn || c instanceof IntColumn || c instanceof LongColumn) {
      Object values;
      DType d;
      if (c instanceof LongColumn) {
        values = ((LongColumn) c).asLongArray();
        d = DType.INT64;
      } else if (c instanceof IntColumn) {
        values = ((IntColumn) c).asIntArray();
        d = DType.INT32;
      } else {
        values = ((ShortColumn) c).asShortArray();
        d = DType.INT16;
      }
      boolean[] mask = new boolean[n];
      for (int i = 0; i < n; i++) {
        mask[i] = c.isMissing(i);
        if (mask[i]) {
          java.lang.reflect.Array.set(
              values,
              i,
              d == DType.INT16 ? (Object) (short) 0 : d == DType.INT32 ? (Object) 0 : (Object) 0L);
        }
      }
      nullableOrPlain(g, name, values, d, mask, missing, "nullable-integer");
    } else if (c instanceof FloatColumn) {
      float[] v = ((FloatColumn) c).asFloatArray();
      g.array(name, v, DType.FLOAT32, new long[] {n}, enc("array", "0.2.0"));
    } else if (c instanceof DoubleColumn) {
      double[] v = ((DoubleColumn) c).asDoubleArray();
      g.array(name, v, DType.FLOAT64, new long[] {n}, enc("array", "0.2.0"));
    } else {
      categorical(g, name, c.asStringColumn().asObjectArray(), c, type);
    }
  }

  private void nullableOrPlain(
      StoreWriter g,
      String name,
      Object values,
      DType d,
      boolean[] mask,
      boolean missing,
      String nullableType) {
    if (!missing) {
      g.array(name, values, d, new long[] {mask.length}, enc("array", "0.2.0"));
      return;
    }
    if (hdf5Bitfields) {
      double[] f = new double[mask.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = mask[i] ? Double.NaN : ArrayOps.getDouble(values, d, i);
      }
      Map<String, Object> attrs = enc("array", "0.2.0");
      attrs.put(NULLABLE_AS_FLOAT, nullableType + ":" + d.name());
      g.array(name, f, DType.FLOAT64, new long[] {f.length}, attrs);
      return;
    }
    StoreWriter ng = g.group(name, enc(nullableType, "0.1.0"));
    ng.array("values", values, d, new long[] {mask.length}, enc("array", "0.2.0"));
    ng.array("mask", mask, DType.BOOL, new long[] {mask.length}, enc("array", "0.2.0"));
  }

  private void categorical(StoreWriter g, String name, String[] values, Column<?> c, ColumnType t) {
    TreeSet<String> sorted = new TreeSet<>();
    for (int i = 0; i < values.length; i++) {
      if (!missing(c, values, i)) {
        sorted.add(values[i]);
      }
    }
    String[] cats = sorted.toArray(new String[0]);
    if (cats.length == 0 && noEmptyArrays) {
      cats = new String[] {""}; // jHDF cannot write an empty array; every code is -1 anyway
    }
    Map<String, Integer> code = new LinkedHashMap<>();
    for (int i = 0; i < cats.length; i++) {
      code.put(cats[i], i);
    }
    Object codes;
    DType d;
    if (cats.length < Byte.MAX_VALUE) {
      d = DType.INT8;
      codes = new byte[values.length];
    } else if (cats.length < Short.MAX_VALUE) {
      d = DType.INT16;
      codes = new short[values.length];
    } else {
      d = DType.INT32;
      codes = new int[values.length];
    }
    for (int i = 0; i < values.length; i++) {
      int k = missing(c, values, i) ? -1 : code.get(values[i]);
      if (d == DType.INT8) {
        ((byte[]) codes)[i] = (byte) k;
      } else if (d == DType.INT16) {
        ((short[]) codes)[i] = (short) k;
      } else {
        ((int[]) codes)[i] = k;
      }
    }
    Map<String, Object> attrs = enc("categorical", "0.2.0");
    attrs.put("ordered", Boolean.FALSE);
    StoreWriter cg = g.group(name, attrs);
    cg.array(
        "categories", cats, DType.STRING, new long[] {cats.length}, enc("string-array", "0.2.0"));
    cg.array("codes", codes, d, new long[] {values.length}, enc("array", "0.2.0"));
  }

  /** Tablesaw's missing string is the empty string, so "" is written as a missing category. */
  private static boolean missing(Column<?> c, String[] values, int i) {
    return values[i] == null || values[i].isEmpty() || c.isMissing(i);
  }

  private void dict(StoreWriter parent, String name, Map<?, ?> map) {
    StoreWriter g = parent.group(name, enc("dict", "0.1.0"));
    for (Map.Entry<?, ?> e : map.entrySet()) {
      element(g, String.valueOf(e.getKey()), e.getValue());
    }
  }

  /** Writes any uns/obsm value. */
  void element(StoreWriter g, String name, Object v) {
    if (v == null) {
      return;
    }
    if (v instanceof Matrix) {
      matrix(g, name, (Matrix) v);
    } else if (v instanceof Table) {
      dataFrame(g, name, (Table) v);
    } else if (v instanceof Map) {
      dict(g, name, (Map<?, ?>) v);
    } else if (v instanceof String) {
      g.array(name, new String[] {(String) v}, DType.STRING, new long[0], enc("string", "0.2.0"));
    } else if (v instanceof Boolean) {
      g.array(
          name,
          new boolean[] {(Boolean) v},
          DType.BOOL,
          new long[0],
          enc("numeric-scalar", "0.2.0"));
    } else if (v instanceof Double || v instanceof Float) {
      g.array(
          name,
          new double[] {((Number) v).doubleValue()},
          DType.FLOAT64,
          new long[0],
          enc("numeric-scalar", "0.2.0"));
    } else if (v instanceof Number) {
      g.array(
          name,
          new long[] {((Number) v).longValue()},
          DType.INT64,
          new long[0],
          enc("numeric-scalar", "0.2.0"));
    } else if (v instanceof String[][]) {
      String[][] s = (String[][]) v;
      int cols = s.length == 0 ? 0 : s[0].length;
      String[] flat = new String[s.length * cols];
      for (int i = 0; i < s.length; i++) {
        System.arraycopy(s[i], 0, flat, i * cols, cols);
      }
      g.array(name, flat, DType.STRING, new long[] {s.length, cols}, enc("string-array", "0.2.0"));
    } else if (v instanceof Long[] || v instanceof Integer[]) {
      boxed(g, name, (Object[]) v, DType.INT64, "nullable-integer");
    } else if (v instanceof Boolean[]) {
      boxed(g, name, (Object[]) v, DType.BOOL, "nullable-boolean");
    } else if (v instanceof String[]) {
      String[] s = (String[]) v;
      boolean anyNull = false;
      for (String x : s) {
        anyNull |= x == null;
      }
      if (anyNull) {
        boxed(g, name, s, DType.STRING, "nullable-string-array");
      } else {
        g.array(name, s, DType.STRING, new long[] {s.length}, enc("string-array", "0.2.0"));
      }
    } else if (v.getClass().isArray() && v.getClass().getComponentType().isPrimitive()) {
      g.array(name, v, DType.ofArray(v), new long[] {ArrayOps.length(v)}, enc("array", "0.2.0"));
    } else if (v instanceof List) {
      element(g, name, listToArray((List<?>) v));
    } else {
      throw new InvalidArgumentException(
          "cannot write uns value '"
              + name
              + "' of type "
              + v.getClass().getName()
              + ": use String, numbers, Boolean, arrays, Matrix, Table or Map");
    }
  }

  private void boxed(StoreWriter g, String name, Object[] v, DType d, String type) {
    int n = v.length;
    boolean[] mask = new boolean[n];
    Object values = ArrayOps.allocate(d, n);
    for (int i = 0; i < n; i++) {
      mask[i] = v[i] == null;
      if (!mask[i]) {
        if (d == DType.INT64) {
          ((long[]) values)[i] = ((Number) v[i]).longValue();
        } else if (d == DType.BOOL) {
          ((boolean[]) values)[i] = (Boolean) v[i];
        } else {
          ((String[]) values)[i] = (String) v[i];
        }
      }
    }
    if (hdf5Bitfields && d != DType.STRING) {
      nullableOrPlain(g, name, values, d, mask, true, type);
      return;
    }
    StoreWriter ng = g.group(name, enc(type, "0.1.0"));
    ng.array(
        "values",
        values,
        d,
        new long[] {n},
        enc(d == DType.STRING ? "string-array" : "array", "0.2.0"));
    ng.array("mask", mask, DType.BOOL, new long[] {n}, enc("array", "0.2.0"));
  }

  private static Object listToArray(List<?> l) {
    boolean allStrings = l.stream().allMatch(x -> x instanceof String);
    if (allStrings) {
      return l.toArray(new String[0]);
    }
    boolean allIntegral =
        l.stream()
            .allMatch(
                x ->
                    x instanceof Long
                        || x instanceof Integer
                        || x instanceof Short
                        || x instanceof Byte);
    if (allIntegral) {
      return l.stream().mapToLong(x -> ((Number) x).longValue()).toArray();
    }
    if (l.stream().allMatch(x -> x instanceof Number)) {
      return l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }
    if (l.stream().allMatch(x -> x instanceof Boolean)) {
      boolean[] b = new boolean[l.size()];
      for (int i = 0; i < b.length; i++) {
        b[i] = (Boolean) l.get(i);
      }
      return b;
    }
    throw new InvalidArgumentException(
        "cannot write a list mixing "
            + l.stream()
                .map(x -> x == null ? "null" : x.getClass().getSimpleName())
                .distinct()
                .toList());
  }
}
