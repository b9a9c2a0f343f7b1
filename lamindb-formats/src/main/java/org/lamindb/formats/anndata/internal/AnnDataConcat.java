package org.lamindb.formats.anndata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lamindb.InvalidArgumentException;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.formats.anndata.Matrix;
import org.lamindb.formats.anndata.SparseMatrix;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code anndata.concat(adatas, axis=0, join=..., label=..., keys=...)} as LaminDB's {@code
 * collection.load()} calls it: observations stacked in order; variables aligned by name (inner: the
 * names all objects share, in the first object's order; outer: the union in order of first
 * appearance). X and the layers every object has are reindexed to the joint variables: sparse
 * inputs give a CSR matrix in which variables an object lacks are absent (0), dense ones a dense
 * matrix with NaN there, as anndata pads. obs columns follow the same join (outer: missing values),
 * plus the label column; var keeps only its index (anndata's default {@code merge=None}), and
 * obsm/varm/obsp/uns are dropped.
 */
public final class AnnDataConcat {
  private AnnDataConcat() {}

  /**
   * @param objects the AnnData objects, in order (at least one)
   * @param keys label value per object (e.g. artifact uids)
   * @param label name of the obs column holding the keys
   * @param outer true for the union of variables and obs columns, false for the intersection
   * @return the concatenation
   */
  public static AnnData concat(
      List<AnnData> objects, List<String> keys, String label, boolean outer) {
    if (objects.isEmpty() || objects.size() != keys.size()) {
      throw new InvalidArgumentException(
          "concat needs one key per AnnData, got "
              + objects.size()
              + " objects and "
              + keys.size()
              + " keys");
    }
    List<String> vars = jointVars(objects, outer);
    Map<String, Integer> pos = new LinkedHashMap<>();
    for (int j = 0; j < vars.size(); j++) {
      pos.put(vars.get(j), j);
    }
    List<int[]> maps = new ArrayList<>();
    for (AnnData a : objects) {
      List<String> names = a.varNames();
      int[] m = new int[names.size()];
      for (int j = 0; j < m.length; j++) {
        m[j] = pos.getOrDefault(names.get(j), -1);
      }
      maps.add(m);
    }
    Matrix x = null;
    if (objects.stream().allMatch(a -> a.x() != null)) {
      x = stack(objects.stream().map(AnnData::x).toList(), maps, vars.size());
    }
    Table var = Table.create("var", StringColumn.create(varIndexName(objects), vars));
    AnnData out = new AnnData(x, obs(objects, keys, label, outer), var);
    Set<String> layerKeys = new LinkedHashSet<>(objects.get(0).layers().keySet());
    for (AnnData a : objects) {
      layerKeys.retainAll(a.layers().keySet());
    }
    for (String k : layerKeys) {
      List<Matrix> layer = objects.stream().map(a -> a.layers().get(k)).toList();
      out.layers().put(k, stack(layer, maps, vars.size()));
    }
    return out;
  }

  private static String varIndexName(List<AnnData> objects) {
    return objects.get(0).var().column(0).name();
  }

  private static List<String> jointVars(List<AnnData> objects, boolean outer) {
    Set<String> joint = new LinkedHashSet<>(objects.get(0).varNames());
    for (AnnData a : objects.subList(1, objects.size())) {
      if (outer) {
        joint.addAll(a.varNames());
      } else {
        joint.retainAll(new LinkedHashSet<>(a.varNames()));
      }
    }
    return new ArrayList<>(joint);
  }

  /** obs tables stacked: the index, the joined columns, then the label column. */
  private static Table obs(List<AnnData> objects, List<String> keys, String label, boolean outer) {
    Table first = objects.get(0).obs();
    Set<String> names = new LinkedHashSet<>();
    for (int c = 1; c < first.columnCount(); c++) {
      names.add(first.column(c).name());
    }
    for (AnnData a : objects.subList(1, objects.size())) {
      List<String> here = a.obs().columnNames().subList(1, a.obs().columnCount());
      if (outer) {
        names.addAll(here);
      } else {
        names.retainAll(new LinkedHashSet<>(here));
      }
    }
    names.remove(label);
    StringColumn index = StringColumn.create(first.column(0).name());
    for (AnnData a : objects) {
      for (String n : a.obsNames()) {
        index.append(n);
      }
    }
    Table out = Table.create("obs", index);
    for (String n : names) {
      out.addColumns(column(objects, n));
    }
    StringColumn lab = StringColumn.create(label);
    for (int i = 0; i < objects.size(); i++) {
      for (int r = 0; r < objects.get(i).nObs(); r++) {
        lab.append(keys.get(i));
      }
    }
    return out.addColumns(lab);
  }

  /** One obs column over all objects: its type when all agree, else text; missing where absent. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Column<?> column(List<AnnData> objects, String name) {
    Column<?> typed = null;
    boolean sameType = true;
    for (AnnData a : objects) {
      if (a.obs().containsColumn(name)) {
        Column<?> c = a.obs().column(name);
        if (typed == null) {
          typed = c;
        } else if (!typed.type().equals(c.type())) {
          sameType = false;
        }
      }
    }
    Column out = sameType ? typed.emptyCopy() : StringColumn.create(name);
    for (AnnData a : objects) {
      if (!a.obs().containsColumn(name)) {
        for (int r = 0; r < a.nObs(); r++) {
          out.appendMissing();
        }
      } else if (sameType) {
        out.append(a.obs().column(name));
      } else {
        Column<?> c = a.obs().column(name);
        for (int r = 0; r < c.size(); r++) {
          if (c.isMissing(r)) {
            out.appendMissing();
          } else {
            out.append(c.getString(r));
          }
        }
      }
    }
    return out;
  }

  /** Rows of each matrix stacked, columns moved to the joint variable positions. */
  static Matrix stack(List<Matrix> parts, List<int[]> maps, int nVars) {
    DType dtype = parts.get(0).dtype();
    for (Matrix m : parts) {
      if (m.dtype() != dtype) {
        dtype = DType.FLOAT64;
      }
    }
    if (!dtype.isNumeric() || dtype == DType.BOOL) {
      dtype = DType.FLOAT64;
    }
    boolean sparse = parts.stream().allMatch(m -> m instanceof SparseMatrix);
    return sparse ? stackSparse(parts, maps, nVars, dtype) : stackDense(parts, maps, nVars, dtype);
  }

  private static Matrix stackSparse(List<Matrix> parts, List<int[]> maps, int nVars, DType dtype) {
    long rows = parts.stream().mapToLong(m -> m.shape()[0]).sum();
    List<Double> values = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    long[] indptr = new long[(int) rows + 1];
    int row = 0;
    for (int p = 0; p < parts.size(); p++) {
      SparseMatrix s = (SparseMatrix) parts.get(p);
      int[] map = maps.get(p);
      for (int i = 0; i < s.nRows(); i++) {
        java.util.TreeMap<Integer, Double> entries = new java.util.TreeMap<>();
        if (s.format() == SparseMatrix.Format.CSR) {
          for (long k = s.indptr()[i]; k < s.indptr()[i + 1]; k++) {
            int col = map[s.indices()[(int) k]];
            if (col >= 0) {
              entries.put(col, ArrayOps.getDouble(s.data(), s.dtype(), (int) k));
            }
          }
        } else {
          for (int j = 0; j < s.nCols(); j++) {
            double v = s.get(i, j);
            if (v != 0 && map[j] >= 0) {
              entries.put(map[j], v);
            }
          }
        }
        for (Map.Entry<Integer, Double> e : entries.entrySet()) {
          indices.add(e.getKey());
          values.add(e.getValue());
        }
        indptr[++row] = indices.size();
      }
    }
    double[] data = values.stream().mapToDouble(Double::doubleValue).toArray();
    int[] idx = indices.stream().mapToInt(Integer::intValue).toArray();
    return new SparseMatrix(
        SparseMatrix.Format.CSR, convert(data, dtype), dtype, idx, indptr, rows, nVars);
  }

  private static Matrix stackDense(List<Matrix> parts, List<int[]> maps, int nVars, DType dtype) {
    long rows = parts.stream().mapToLong(m -> m.shape()[0]).sum();
    if (rows * nVars > Integer.MAX_VALUE - 16) {
      throw new InvalidArgumentException(
          "the concatenated dense X would have "
              + rows
              + " x "
              + nVars
              + " values, more than one Java array holds; concatenate fewer members or use"
              + " sparse X");
    }
    boolean padded = false;
    for (int[] m : maps) {
      long kept = java.util.Arrays.stream(m).filter(j -> j >= 0).count();
      padded |= kept < nVars;
    }
    DType out =
        padded && !(dtype == DType.FLOAT32 || dtype == DType.FLOAT64) ? DType.FLOAT64 : dtype;
    double[] data = new double[(int) (rows * nVars)];
    if (padded) {
      java.util.Arrays.fill(data, Double.NaN);
    }
    int row = 0;
    for (int p = 0; p < parts.size(); p++) {
      Matrix m = parts.get(p);
      int[] map = maps.get(p);
      for (int i = 0; i < m.nRows(); i++, row++) {
        for (int j = 0; j < m.nCols(); j++) {
          if (map[j] >= 0) {
            data[row * nVars + map[j]] = m.get(i, j);
          }
        }
      }
    }
    return new DenseMatrix(convert(data, out), out, rows, nVars);
  }

  private static Object convert(double[] d, DType dtype) {
    Object out = ArrayOps.allocate(dtype, d.length);
    for (int i = 0; i < d.length; i++) {
      switch (dtype) {
        case INT8 -> ((byte[]) out)[i] = (byte) d[i];
        case UINT8, INT16 -> ((short[]) out)[i] = (short) d[i];
        case UINT16, INT32 -> ((int[]) out)[i] = (int) d[i];
        case UINT32, INT64, UINT64 -> ((long[]) out)[i] = (long) d[i];
        case FLOAT32 -> ((float[]) out)[i] = (float) d[i];
        default -> ((double[]) out)[i] = d[i];
      }
    }
    return out;
  }
}
