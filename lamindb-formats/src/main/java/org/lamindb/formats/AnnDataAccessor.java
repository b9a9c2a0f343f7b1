package org.lamindb.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lamindb.InvalidArgumentException;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.Matrix;
import org.lamindb.formats.anndata.internal.AnnDataReader;
import org.lamindb.formats.anndata.internal.ElementReader;
import org.lamindb.formats.anndata.internal.Guard;
import org.lamindb.formats.anndata.internal.Slicer;
import org.lamindb.formats.anndata.internal.StoreArray;
import org.lamindb.formats.anndata.internal.StoreGroup;
import org.lamindb.formats.anndata.internal.StoreNode;
import org.lamindb.formats.internal.hdf5.Hdf5Store;
import org.lamindb.formats.internal.zarr.ZarrStore;
import tech.tablesaw.api.Table;

/**
 * Lazy (backed) access to an {@code .h5ad} file or AnnData {@code .zarr} store: shape, column names
 * and keys come from metadata; obs/var, layers and row slices of X are read only when asked for.
 * Memory stays bounded by what is requested, so a file larger than the heap can be described and
 * processed in slices.
 *
 * <pre>{@code
 * try (AnnDataAccessor acc = AnnData.open(Path.of("atlas.h5ad"))) {
 *   long[] shape = acc.shape();
 *   for (long i = 0; i < shape[0]; i += 10_000) {
 *     Matrix block = acc.xRows(i, Math.min(shape[0], i + 10_000));
 *   }
 * }
 * }</pre>
 */
public final class AnnDataAccessor implements AutoCloseable {
  private final Path path;
  private final Hdf5Store hdf5;
  private final StoreGroup root;
  private final ElementReader r;
  private final Slicer slicer;
  private Table obs;
  private Table var;

  AnnDataAccessor(Path path, Hdf5Store hdf5, StoreGroup root) {
    this.path = path;
    this.hdf5 = hdf5;
    this.root = root;
    this.r = new ElementReader(path.toString());
    this.slicer = new Slicer(r);
  }

  static AnnDataAccessor open(Path path) {
    return Guard.run(
        path,
        () -> {
          AnnDataAccessor acc;
          if (AnnData.isZarr(path)) {
            acc = new AnnDataAccessor(path, null, ZarrStore.open(path).group("/"));
          } else {
            Hdf5Store h = Hdf5Store.open(path);
            acc = new AnnDataAccessor(path, h, h.root());
          }
          try {
            acc.shape();
          } catch (RuntimeException e) {
            acc.close();
            throw e;
          }
          return acc;
        });
  }

  static AnnDataAccessor open(Path path, String group) {
    return Guard.run(
        path,
        () -> {
          if (AnnData.isZarr(path)) {
            return new AnnDataAccessor(path, null, ZarrStore.open(path).group(group));
          }
          Hdf5Store h = Hdf5Store.open(path);
          var g = h.group(group);
          if (g == null) {
            h.close();
            throw new InvalidArgumentException("No group '" + group + "' in " + path);
          }
          return new AnnDataAccessor(path, h, g);
        });
  }

  private <T> T guard(java.util.concurrent.Callable<T> body) {
    return Guard.run(path, body);
  }

  /**
   * @return the file or store
   */
  public Path path() {
    return path;
  }

  /**
   * @return {@code {n_obs, n_vars}}, from metadata only
   */
  public long[] shape() {
    return guard(() -> new long[] {axisLength("obs", 0), axisLength("var", 1)});
  }

  /**
   * @return number of observations
   */
  public long nObs() {
    return shape()[0];
  }

  /**
   * @return number of variables
   */
  public long nVars() {
    return shape()[1];
  }

  private long axisLength(String name, int axis) {
    StoreNode df = root.child(name);
    if (df instanceof StoreArray) {
      return ((StoreArray) df).shape()[0];
    }
    if (df instanceof StoreGroup) {
      StoreGroup g = (StoreGroup) df;
      String idx = g.attrString("_index");
      StoreNode n = g.child(idx == null ? "_index" : idx);
      if (n instanceof StoreGroup) {
        StoreNode inner = ((StoreGroup) n).child("values");
        n = inner != null ? inner : ((StoreGroup) n).child("codes");
      }
      if (n instanceof StoreArray && ((StoreArray) n).shape().length == 1) {
        return ((StoreArray) n).shape()[0];
      }
    }
    StoreNode x = root.child("X");
    if (x == null) {
      if (root.child("obs") == null && root.child("var") == null) {
        throw r.invalid(root, "no obs, var or X: this is not an AnnData store");
      }
      return 0;
    }
    return slicer.shape(x)[axis];
  }

  /**
   * @return the obs column names (without the index), from metadata
   */
  public List<String> obsColumns() {
    return guard(() -> columns(root.child("obs")));
  }

  /**
   * @return the var column names (without the index), from metadata
   */
  public List<String> varColumns() {
    return guard(() -> columns(root.child("var")));
  }

  private List<String> columns(StoreNode df) {
    if (df instanceof StoreArray) {
      List<String> f = new ArrayList<>(((StoreArray) df).fieldNames());
      f.remove("index");
      return f;
    }
    if (!(df instanceof StoreGroup)) {
      return List.of();
    }
    Object co = df.attrs().get("column-order");
    if (co instanceof String[]) {
      return Arrays.asList((String[]) co);
    }
    if (co instanceof String) {
      return ((String) co).isEmpty() ? List.of() : List.of((String) co);
    }
    List<String> out = new ArrayList<>(((StoreGroup) df).childNames());
    out.removeAll(
        List.of(
            "_index",
            "__categories",
            df.attrString("_index") == null ? "_index" : df.attrString("_index")));
    return out;
  }

  /**
   * @return the names of every top-level element of the store, in store order (including ones this
   *     reader does not know, e.g. {@code raw.X} of anndata &lt;= 0.6 files)
   */
  public List<String> elements() {
    return guard(root::childNames);
  }

  /**
   * @return keys of layers
   */
  public List<String> layerKeys() {
    return keys("layers");
  }

  /**
   * @return keys of obsm
   */
  public List<String> obsmKeys() {
    return keys("obsm");
  }

  /**
   * @return keys of varm
   */
  public List<String> varmKeys() {
    return keys("varm");
  }

  /**
   * @return keys of obsp
   */
  public List<String> obspKeys() {
    return keys("obsp");
  }

  /**
   * @return keys of varp
   */
  public List<String> varpKeys() {
    return keys("varp");
  }

  /**
   * @return top-level keys of uns
   */
  public List<String> unsKeys() {
    return keys("uns");
  }

  private List<String> keys(String group) {
    return guard(() -> ElementReader.keys(root.child(group)));
  }

  /**
   * @return true when the store has a raw group
   */
  public boolean hasRaw() {
    return guard(
        () -> {
          StoreNode raw = root.child("raw");
          return raw instanceof StoreGroup && !"null".equals(raw.attrString("encoding-type"))
              || root.child("raw.X") != null; // anndata <= 0.6
        });
  }

  /**
   * @return the encoding of X ({@code array}, {@code csr_matrix}, {@code csc_matrix}) or null
   *     without X
   */
  public String xEncoding() {
    return guard(() -> root.child("X") == null ? null : r.encodingType(root.child("X")));
  }

  /**
   * @return the element type of X's values, or null without X
   */
  public DType xDtype() {
    return guard(
        () -> {
          StoreNode x = root.child("X");
          if (x == null) {
            return null;
          }
          return x instanceof StoreArray
              ? ((StoreArray) x).dtype()
              : r.asArray(r.require(r.asGroup(x), "data")).dtype();
        });
  }

  /**
   * @return the observation table (read on first call, then cached)
   */
  public Table obs() {
    if (obs == null) {
      obs = guard(() -> frame("obs", 0));
    }
    return obs;
  }

  /**
   * @return the variable table (read on first call, then cached)
   */
  public Table var() {
    if (var == null) {
      var = guard(() -> frame("var", 1));
    }
    return var;
  }

  private Table frame(String name, int axis) {
    Table t = new AnnDataReader(path.toString()).readFrame(root, name);
    return t == null ? AnnDataReader.defaultIndex(name, shape()[axis]) : t;
  }

  /**
   * @return rows {@code [from, to)} of X (only those rows are read for dense and CSR X)
   */
  public Matrix xRows(long from, long to) {
    return guard(
        () -> {
          StoreNode x = root.child("X");
          if (x == null) {
            throw new InvalidArgumentException(path + " has no X");
          }
          return slicer.rows(x, from, to);
        });
  }

  /**
   * @return rows {@code [from, to)} of a layer
   */
  public Matrix layerRows(String layer, long from, long to) {
    return guard(() -> slicer.rows(element("layers", layer), from, to));
  }

  /**
   * @return a whole layer, read into memory
   */
  public Matrix layer(String layer) {
    return guard(() -> r.readMatrix(element("layers", layer)));
  }

  /**
   * @return an obsm entry (Matrix or Table), read into memory
   */
  public Object obsm(String key) {
    return guard(
        () -> {
          StoreNode n = element("obsm", key);
          String t = r.encodingType(n);
          return t.equals("dataframe") ? r.readDataFrame(n, key) : r.readMatrix(n);
        });
  }

  /**
   * @return uns, read into memory
   */
  public Map<String, Object> uns() {
    return guard(
        () ->
            root.child("uns") instanceof StoreGroup
                ? r.readDict((StoreGroup) root.child("uns"))
                : new java.util.LinkedHashMap<>());
  }

  private StoreNode element(String group, String key) {
    StoreNode g = root.child(group);
    StoreNode n = g instanceof StoreGroup ? ((StoreGroup) g).child(key) : null;
    if (n == null) {
      throw new InvalidArgumentException(
          "No "
              + group
              + " entry '"
              + key
              + "' in "
              + path
              + "; available: "
              + ElementReader.keys(g));
    }
    return n;
  }

  /**
   * Rows of the matrix named as in {@code MappedOptions.layer}: {@code "X"}, a layer name or {@code
   * "raw.X"}.
   *
   * @param layer the matrix
   * @param from first row
   * @param to end row (exclusive)
   * @return those rows (only they are read for dense and CSR matrices)
   */
  public Matrix matrixRows(String layer, long from, long to) {
    return guard(() -> slicer.rows(matrixNode(layer), from, to));
  }

  /**
   * @param layer {@code "X"}, a layer name or {@code "raw.X"}
   * @return {@code {rows, cols}} of that matrix, from metadata
   */
  public long[] matrixShape(String layer) {
    return guard(() -> slicer.shape(matrixNode(layer)));
  }

  /**
   * @param layer {@code "X"}, a layer name or {@code "raw.X"}
   * @return the anndata encoding of that matrix ({@code csr_matrix}, {@code csc_matrix}, {@code
   *     array})
   */
  public String matrixEncoding(String layer) {
    return guard(() -> r.encodingType(matrixNode(layer)));
  }

  /**
   * @param layer {@code "X"}, a layer name or {@code "raw.X"}
   * @return the whole matrix, read into memory
   */
  public Matrix matrix(String layer) {
    return guard(() -> r.readMatrix(matrixNode(layer)));
  }

  /**
   * @param layer {@code "X"}, a layer name or {@code "raw.X"}
   * @return the variable names of that matrix (raw/var for {@code "raw.X"})
   */
  public List<String> varNames(String layer) {
    Table t;
    if ("raw.X".equals(layer)) {
      t =
          guard(
              () -> {
                StoreNode raw = root.child("raw");
                Table v =
                    raw instanceof StoreGroup
                        ? new AnnDataReader(path.toString()).readFrame((StoreGroup) raw, "var")
                        : null;
                return v == null ? AnnDataReader.defaultIndex("var", matrixShape(layer)[1]) : v;
              });
    } else {
      t = var();
    }
    return new ArrayList<>(t.column(0).asStringColumn().asList());
  }

  private StoreNode matrixNode(String layer) {
    if (layer == null || layer.equals("X")) {
      StoreNode x = root.child("X");
      if (x == null) {
        throw new InvalidArgumentException(path + " has no X");
      }
      return x;
    }
    if (layer.equals("raw.X")) {
      return element("raw", "X");
    }
    return element("layers", layer);
  }

  /**
   * @return the whole object read into memory
   */
  public AnnData toMemory() {
    return guard(() -> new AnnDataReader(path.toString()).read(root));
  }

  @Override
  public void close() {
    if (hdf5 != null) {
      hdf5.close();
    }
  }
}
