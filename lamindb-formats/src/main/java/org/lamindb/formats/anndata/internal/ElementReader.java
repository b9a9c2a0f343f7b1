package org.lamindb.formats.anndata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.lamindb.ValidationException;
import org.lamindb.formats.anndata.DType;
import org.lamindb.formats.anndata.DenseMatrix;
import org.lamindb.formats.anndata.Matrix;
import org.lamindb.formats.anndata.SparseMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * Decodes AnnData elements from a store, for every on-disk encoding: the attribute-less layout of
 * anndata &lt;= 0.6 (compound obs/var, categories in uns), the 0.7 layout ({@code dataframe/0.1.0}
 * with {@code __categories}) and the {@code encoding-type}/{@code encoding-version} specs of
 * anndata &gt;= 0.8.
 */
public final class ElementReader {
  private static final Logger LOG = LoggerFactory.getLogger(ElementReader.class);

  /** Encodings of the anndata spec this reader decodes. */
  private static final Set<String> KNOWN =
      Set.of(
          "array",
          "string-array",
          "csr_matrix",
          "csc_matrix",
          "dataframe",
          "rec-array",
          "categorical",
          "nullable-integer",
          "nullable-boolean",
          "nullable-string-array",
          "dict",
          "string",
          "numeric-scalar",
          "raw");

  private final String source;
  private final List<String> warnings = new ArrayList<>();

  /**
   * @param source the file or store name, used in error messages
   */
  public ElementReader(String source) {
    this.source = source;
  }

  /**
   * @return the element's encoding type, inferred for attribute-less (legacy) elements
   */
  public String encodingType(StoreNode node) {
    String t = node.attrString("encoding-type");
    if (t != null) {
      return t;
    }
    if (node instanceof StoreGroup) {
      StoreGroup g = (StoreGroup) node;
      String legacy = g.attrString("h5sparse_format");
      if (legacy != null) {
        return legacy + "_matrix";
      }
      if (g.child("data") != null && g.child("indices") != null && g.child("indptr") != null) {
        return "csr_matrix";
      }
      return "dict";
    }
    StoreArray a = (StoreArray) node;
    if (a.dtype() == null) {
      return "rec-array";
    }
    if (a.shape().length == 0) {
      return a.dtype() == DType.STRING ? "string" : "numeric-scalar";
    }
    return a.dtype() == DType.STRING ? "string-array" : "array";
  }

  /**
   * @return a dense or sparse matrix from an {@code array}, {@code csr_matrix} or {@code
   *     csc_matrix} element
   */
  public Matrix readMatrix(StoreNode node) {
    String type = encodingType(node);
    switch (type) {
      case "array":
        return readDense(asArray(node));
      case "csr_matrix":
      case "csc_matrix":
        return readSparse(asGroup(node), type);
      default:
        throw invalid(
            node, "expected a matrix (array, csr_matrix or csc_matrix) but found " + type);
    }
  }

  /** Reads a dense numeric array as a matrix; 1-d arrays become one column. */
  public DenseMatrix readDense(StoreArray a) {
    long[] shape = a.shape();
    DType d = a.dtype();
    if (d == null || d == DType.STRING) {
      throw invalid(a, "expected a numeric array but found " + (d == null ? "records" : "strings"));
    }
    if (shape.length > 2 || shape.length == 0) {
      throw invalid(a, "expected a 1-d or 2-d array but found " + shape.length + " dimensions");
    }
    long cols = shape.length == 2 ? shape[1] : 1;
    return new DenseMatrix(a.read(), d, shape[0], cols);
  }

  /**
   * Reads a {@code csr_matrix}/{@code csc_matrix} group (data, indices, indptr, shape attribute).
   */
  public SparseMatrix readSparse(StoreGroup g, String type) {
    long[] shape = sparseShape(g);
    SparseMatrix.Format format =
        type.startsWith("csc") ? SparseMatrix.Format.CSC : SparseMatrix.Format.CSR;
    StoreArray data = asArray(require(g, "data"));
    StoreArray indices = asArray(require(g, "indices"));
    StoreArray indptr = asArray(require(g, "indptr"));
    if (data.dtype() == null || data.dtype() == DType.STRING) {
      throw invalid(data, "sparse data must be numeric");
    }
    try {
      long[] ptr = ArrayOps.toLongs(indptr.read());
      Object values = data.read();
      int[] idx = ArrayOps.toInts(indices.read());
      long nnz = ptr.length == 0 ? 0 : ptr[ptr.length - 1];
      if (nnz >= 0 && nnz < idx.length && nnz < ArrayOps.length(values)) {
        // entries past indptr[-1] are unused (scipy ignores them too)
        values = ArrayOps.slice(values, 0, (int) nnz);
        idx = java.util.Arrays.copyOf(idx, (int) nnz);
      }
      return new SparseMatrix(format, values, data.dtype(), idx, ptr, shape[0], shape[1]);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw invalid(g, "inconsistent sparse matrix: " + e.getMessage());
    }
  }

  /**
   * @return the {@code shape} attribute of a sparse group (or the legacy {@code h5sparse_shape})
   */
  public long[] sparseShape(StoreGroup g) {
    Object s = g.attrs().get("shape");
    if (s == null) {
      s = g.attrs().get("h5sparse_shape");
    }
    if (!(s instanceof long[]) || ((long[]) s).length != 2) {
      throw invalid(g, "sparse matrix without a 2-element shape attribute");
    }
    long[] shape = (long[]) s;
    if (shape[0] < 0 || shape[1] < 0) {
      throw invalid(g, "negative shape " + shape[0] + "x" + shape[1]);
    }
    return shape;
  }

  /**
   * @return a data frame, from a dataframe group or a legacy compound array
   */
  public Table readDataFrame(StoreNode node, String name) {
    if (node instanceof StoreArray) {
      return DataFrames.fromRecords(this, (StoreArray) node, name, Map.of());
    }
    return DataFrames.fromGroup(this, asGroup(node), name);
  }

  /**
   * Reads any element into a Java value: {@code String}, {@code Long}/{@code Double}/{@code
   * Boolean}, flat arrays (1-d), {@link DenseMatrix} (2-d numeric), {@code String[][]} (2-d
   * strings), {@link SparseMatrix}, {@link Table} (dataframes, record arrays), or a nested {@code
   * Map} (dicts). Unknown encodings fail with a {@link ValidationException}.
   */
  public Object readElement(StoreNode node) {
    String type = encodingType(node);
    switch (type) {
      case "dict":
        return readDict(asGroup(node));
      case "string":
      case "numeric-scalar":
        return scalar(asArray(node));
      case "array":
      case "string-array":
        return readArrayValue(asArray(node));
      case "csr_matrix":
      case "csc_matrix":
        return readSparse(asGroup(node), type);
      case "dataframe":
        return readDataFrame(node, lastName(node));
      case "rec-array":
        return DataFrames.fromRecords(this, asArray(node), lastName(node), Map.of());
      case "categorical":
        return Columns.categoricalValues(this, asGroup(node));
      case "nullable-integer":
      case "nullable-boolean":
      case "nullable-string-array":
        return Columns.nullableValues(this, asGroup(node), type);
      default:
        throw invalid(node, unsupportedReason(node, type));
    }
  }

  /**
   * @return a dict group as an ordered map; elements that cannot be read are skipped with a warning
   *     (see {@link #optional})
   */
  public Map<String, Object> readDict(StoreGroup g) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : g.childNames()) {
      Object v = optional(g, name, this::readElement);
      if (v != null) {
        out.put(name, v);
      }
    }
    return out;
  }

  /**
   * Reads the child {@code name} of {@code parent} with {@code read}; an element in an encoding
   * this reader does not support, or whose structure it cannot decode ({@link
   * ValidationException}), is skipped: the result is null and a warning naming its path is recorded
   * and logged. Corrupt bytes ({@link org.lamindb.StorageException}) still fail.
   */
  public <T> T optional(StoreGroup parent, String name, Function<StoreNode, T> read) {
    String path = parent.path().endsWith("/") ? parent.path() + name : parent.path() + "/" + name;
    try {
      StoreNode n = parent.child(name);
      if (n == null) {
        return null;
      }
      String type = encodingType(n);
      if (!KNOWN.contains(type)) {
        warn(path, unsupportedReason(n, type));
        return null;
      }
      return read.apply(n);
    } catch (ValidationException e) {
      warn(path, reason(e.getMessage()));
      return null;
    }
  }

  private static String unsupportedReason(StoreNode n, String type) {
    if (type.equals("awkward-array")) {
      return "encoding 'awkward-array' (ragged arrays) is not supported by lamindb-java";
    }
    String v = n.attrString("encoding-version");
    return "unsupported encoding '" + type + "'" + (v == null ? "" : " (version " + v + ")");
  }

  private String reason(String message) {
    String prefix = "Cannot read AnnData from " + source + " at ";
    if (message != null && message.startsWith(prefix)) {
      int colon = message.indexOf(": ", prefix.length());
      return colon < 0 ? message : message.substring(colon + 2);
    }
    return message;
  }

  /** Records and logs that the element at {@code path} was skipped. */
  public void warn(String path, String reason) {
    String m = "skipped " + path + " of " + source + ": " + reason;
    warnings.add(m);
    LOG.warn(m);
  }

  /**
   * @return the warnings recorded so far, one per skipped element
   */
  public List<String> warnings() {
    return warnings;
  }

  private Object readArrayValue(StoreArray a) {
    if (a.isNull()) {
      return null;
    }
    long[] shape = a.shape();
    if (a.dtype() == null) {
      return DataFrames.fromRecords(this, a, lastName(a), Map.of());
    }
    if (shape.length == 0) {
      return scalar(a);
    }
    String nullable = a.attrString(AnnDataWriter.NULLABLE_AS_FLOAT);
    if (shape.length == 1 && nullable != null && a.dtype() == DType.FLOAT64) {
      double[] v = (double[]) a.read();
      boolean bool = nullable.startsWith("nullable-boolean");
      Object[] out = bool ? new Boolean[v.length] : new Long[v.length];
      for (int i = 0; i < v.length; i++) {
        if (!Double.isNaN(v[i])) {
          out[i] = bool ? (Object) (v[i] != 0) : (Object) (long) v[i];
        }
      }
      return out;
    }
    if (shape.length == 1) {
      return a.read();
    }
    if (shape.length == 2 && a.dtype() != DType.STRING) {
      return readDense(a);
    }
    if (shape.length == 2) {
      String[] flat = (String[]) a.read();
      int r = (int) shape[0];
      int c = (int) shape[1];
      String[][] out = new String[r][c];
      for (int i = 0; i < r; i++) {
        System.arraycopy(flat, i * c, out[i], 0, c);
      }
      return out;
    }
    return a.read();
  }

  /**
   * @return a scalar dataset's value as String, Long, Double or Boolean
   */
  public Object scalar(StoreArray a) {
    Object v = a.read();
    if (v == null || ArrayOps.length(v) == 0) {
      return null;
    }
    DType d = a.dtype();
    if (d == DType.STRING) {
      return ((String[]) v)[0];
    }
    if (d == DType.BOOL) {
      return ((boolean[]) v)[0];
    }
    if (d == DType.FLOAT32 || d == DType.FLOAT64) {
      return ArrayOps.getDouble(v, d, 0);
    }
    return ArrayOps.getLong(v, 0);
  }

  /**
   * @return the named child, failing with the element path when absent
   */
  public StoreNode require(StoreGroup g, String name) {
    StoreNode n = g.child(name);
    if (n == null) {
      throw invalid(g, "missing required element '" + name + "'");
    }
    return n;
  }

  /**
   * @return the node as an array, failing when it is a group
   */
  public StoreArray asArray(StoreNode n) {
    if (!(n instanceof StoreArray)) {
      throw invalid(n, "expected an array but found a group");
    }
    return (StoreArray) n;
  }

  /**
   * @return the node as a group, failing when it is an array
   */
  public StoreGroup asGroup(StoreNode n) {
    if (!(n instanceof StoreGroup)) {
      throw invalid(n, "expected a group but found an array");
    }
    return (StoreGroup) n;
  }

  /**
   * @return a validation error naming the source, the element and the reason
   */
  public ValidationException invalid(StoreNode n, String reason) {
    return new ValidationException(
        "Cannot read AnnData from "
            + source
            + " at "
            + (n == null ? "?" : n.path())
            + ": "
            + reason);
  }

  /**
   * @return the source named in messages
   */
  public String source() {
    return source;
  }

  static String lastName(StoreNode n) {
    String p = n.path();
    int i = p.lastIndexOf('/');
    return i >= 0 ? p.substring(i + 1) : p;
  }

  /**
   * @return the names of a group's children, or an empty list for null
   */
  public static List<String> keys(StoreNode n) {
    if (n instanceof StoreArray && ((StoreArray) n).dtype() == null) {
      return new ArrayList<>(((StoreArray) n).fieldNames()); // anndata <= 0.6 compound obsm/varm
    }
    return n instanceof StoreGroup ? ((StoreGroup) n).childNames() : new ArrayList<>();
  }
}
