package org.lamindb.formats.anndata.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.formats.anndata.Matrix;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Reads a whole AnnData object from the root group of a store. */
public final class AnnDataReader {
  private final ElementReader r;

  /**
   * @param source file or store name for messages
   */
  public AnnDataReader(String source) {
    this.r = new ElementReader(source);
  }

  /**
   * @return the element reader used
   */
  public ElementReader elements() {
    return r;
  }

  /** Reads every element of the AnnData rooted at {@code root}. */
  public AnnData read(StoreGroup root) {
    String rootType = root.attrString("encoding-type");
    if (rootType != null && !rootType.equals("anndata")) {
      throw r.invalid(root, "root encoding-type is '" + rootType + "', not 'anndata'");
    }
    if (root.child("obs") == null && root.child("var") == null && root.child("X") == null) {
      throw r.invalid(root, "no obs, var or X: this is not an AnnData store");
    }
    Map<String, Object> uns =
        root.child("uns") instanceof StoreGroup
            ? r.readDict((StoreGroup) root.child("uns"))
            : new LinkedHashMap<>();
    Table obs = frame(root.child("obs"), "obs", uns);
    Table var = frame(root.child("var"), "var", uns);
    Matrix x = root.child("X") == null ? null : nullable(root.child("X"));
    long nObs = obs != null ? obs.rowCount() : x != null ? x.shape()[0] : 0;
    long nVars = var != null ? var.rowCount() : x != null ? x.shape()[1] : 0;
    if (obs == null) {
      obs = defaultIndex("obs", nObs);
    }
    if (var == null) {
      var = defaultIndex("var", nVars);
    }
    if (x != null && (x.shape()[0] != nObs || x.shape()[1] != nVars)) {
      throw r.invalid(
          root.child("X"),
          "X has shape "
              + x.shape()[0]
              + "x"
              + x.shape()[1]
              + " but obs has "
              + nObs
              + " rows and var "
              + nVars);
    }
    AnnData a = new AnnData(x, obs, var);
    a.uns().putAll(uns);
    readMatrices(root, "layers", a.layers());
    readMixed(root, "obsm", a.obsm());
    readMixed(root, "varm", a.varm());
    readMatrices(root, "obsp", a.obsp());
    readMatrices(root, "varp", a.varp());
    StoreNode raw = root.child("raw");
    if (raw instanceof StoreGroup && !"null".equals(raw.attrString("encoding-type"))) {
      a.raw(r.optional(root, "raw", n -> readRaw((StoreGroup) n, nObs)));
    } else if (root.child("raw.X") != null) {
      a.raw(r.optional(root, "raw.X", n -> readLegacyRaw(root, n, nObs)));
    }
    a.warnings().addAll(r.warnings());
    return a;
  }

  private AnnData.Raw readRaw(StoreGroup raw, long nObs) {
    StoreNode rx = raw.child("X");
    Matrix x = rx == null ? null : nullable(rx);
    Table var = frame(raw.child("var"), "var", new LinkedHashMap<>());
    if (var == null) {
      var = defaultIndex("var", x == null ? 0 : x.shape()[1]);
    }
    if (x != null && x.shape()[0] != nObs) {
      throw r.invalid(rx, "raw X has " + x.shape()[0] + " rows but obs has " + nObs);
    }
    Map<String, Object> varm = new LinkedHashMap<>();
    readMixed(raw, "varm", varm);
    return new AnnData.Raw(x, var, varm);
  }

  /**
   * anndata &lt;= 0.6: {@code raw.X}, {@code raw.var} (compound) and {@code raw.varm} at the root.
   */
  private AnnData.Raw readLegacyRaw(StoreGroup root, StoreNode rx, long nObs) {
    Matrix x = nullable(rx);
    Table var = frame(root.child("raw.var"), "var", new LinkedHashMap<>());
    if (var == null) {
      var = defaultIndex("var", x == null ? 0 : x.shape()[1]);
    }
    if (x != null && x.shape()[0] != nObs) {
      throw r.invalid(rx, "raw.X has " + x.shape()[0] + " rows but obs has " + nObs);
    }
    Map<String, Object> varm = new LinkedHashMap<>();
    readMixed(root, "raw.varm", varm);
    return new AnnData.Raw(x, var, varm);
  }

  private Matrix nullable(StoreNode n) {
    if (n instanceof StoreArray && ((StoreArray) n).isNull()) {
      return null;
    }
    return r.readMatrix(n);
  }

  /**
   * Reads obs or var of the AnnData at {@code root} without reading the rest; for the compound
   * layout of anndata &lt;= 0.6 only the {@code uns/<column>_categories} arrays are read from uns.
   */
  public Table readFrame(StoreGroup root, String name) {
    StoreNode n = root.child(name);
    if (n == null) {
      return null;
    }
    Map<String, Object> cats = new LinkedHashMap<>();
    if (n instanceof StoreArray && root.child("uns") instanceof StoreGroup) {
      StoreGroup uns = (StoreGroup) root.child("uns");
      for (String f : ((StoreArray) n).fieldNames()) {
        StoreNode c = uns.child(f + "_categories");
        if (c != null) {
          cats.put(f + "_categories", r.readElement(c));
        }
      }
    }
    return frame(n, name, cats);
  }

  private Table frame(StoreNode n, String name, Map<String, Object> uns) {
    if (n == null) {
      return null;
    }
    if (n instanceof StoreArray) {
      // anndata <= 0.6: a record array; categoricals are codes with categories in
      // uns/<col>_categories
      Map<String, String[]> cats = new LinkedHashMap<>();
      StoreArray a = (StoreArray) n;
      for (String f : a.fieldNames()) {
        Object c = uns.get(f + "_categories");
        if (c instanceof String[]) {
          cats.put(f, (String[]) c);
          uns.remove(f + "_categories");
        } else if (c != null && c.getClass().isArray()) {
          String[] s = new String[ArrayOps.length(c)];
          for (int i = 0; i < s.length; i++) {
            s[i] = String.valueOf(ArrayOps.get(c, i));
          }
          cats.put(f, s);
          uns.remove(f + "_categories");
        }
      }
      Table t = DataFrames.fromRecords(r, a, name, cats);
      if (t.columnCount() > 0 && !(t.column(0) instanceof StringColumn)) {
        t.replaceColumn(
            0, StringColumn.create(t.column(0).name(), t.column(0).asStringColumn().asList()));
      }
      return t;
    }
    return r.readDataFrame(n, name);
  }

  private void readMatrices(StoreGroup parent, String name, Map<String, Matrix> out) {
    StoreNode n = parent.child(name);
    if (!(n instanceof StoreGroup)) {
      if (n != null) {
        r.warn(n.path(), "expected a group of matrices but found an array");
      }
      return;
    }
    StoreGroup g = (StoreGroup) n;
    for (String k : g.childNames()) {
      Matrix m = r.optional(g, k, r::readMatrix);
      if (m != null) {
        out.put(k, m);
      }
    }
  }

  private void readMixed(StoreGroup parent, String name, Map<String, Object> out) {
    StoreNode n = parent.child(name);
    if (n instanceof StoreArray && ((StoreArray) n).dtype() == null) {
      readCompoundMatrices((StoreArray) n, out);
      return;
    }
    if (!(n instanceof StoreGroup)) {
      if (n != null) {
        r.warn(n.path(), "expected a group but found an array");
      }
      return;
    }
    StoreGroup g = (StoreGroup) n;
    for (String k : g.childNames()) {
      Object v = r.optional(g, k, this::mixedElement);
      if (v != null) {
        out.put(k, v);
      }
    }
  }

  private Object mixedElement(StoreNode c) {
    String type = r.encodingType(c);
    if (type.equals("dataframe") || type.equals("rec-array")) {
      return r.readDataFrame(c, ElementReader.lastName(c));
    }
    if (c instanceof StoreArray && ((StoreArray) c).dtype() == DType.STRING) {
      return r.readElement(c);
    }
    return r.readMatrix(c);
  }

  /**
   * anndata &lt;= 0.6 stored obsm/varm as one compound dataset: each field ({@code X_pca} with a
   * sub-array of 50 floats) is one matrix.
   */
  private void readCompoundMatrices(StoreArray a, Map<String, Object> out) {
    if (a.shape().length != 1) {
      r.warn(a.path(), "a compound obsm/varm must be 1-d, found " + a.shape().length + "-d");
      return;
    }
    Map<String, Object> fields;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> f = (Map<String, Object>) a.read();
      fields = f;
    } catch (org.lamindb.ValidationException e) {
      r.warn(a.path(), e.getMessage());
      return;
    }
    long rows = a.shape()[0];
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      Object v = e.getValue();
      long cols = 1;
      for (int d : a.fieldShape(e.getKey())) {
        cols *= d;
      }
      DType d = DType.ofArray(v);
      if (d == DType.STRING || ArrayOps.length(v) != rows * cols) {
        r.warn(a.path() + "/" + e.getKey(), "field is not a numeric matrix of " + rows + " rows");
        continue;
      }
      out.put(e.getKey(), new DenseMatrix(v, d, rows, cols));
    }
  }

  /**
   * @return a table with just an index column of row numbers
   */
  public static Table defaultIndex(String name, long n) {
    StringColumn idx = StringColumn.create("_index");
    for (long i = 0; i < n; i++) {
      idx.append(Long.toString(i));
    }
    return Table.create(name, idx);
  }
}
