package org.lamindb.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lamindb.InvalidArgumentException;
import org.lamindb.formats.anndata.Matrix;
import org.lamindb.formats.anndata.internal.AnnDataReader;
import org.lamindb.formats.anndata.internal.AnnDataWriter;
import org.lamindb.formats.anndata.internal.Guard;
import org.lamindb.formats.internal.hdf5.Hdf5Store;
import org.lamindb.formats.internal.hdf5.Hdf5Writer;
import org.lamindb.formats.internal.zarr.ZarrStore;
import tech.tablesaw.api.Table;

/**
 * An annotated data matrix, the in-memory form of an {@code .h5ad} file or an AnnData {@code .zarr}
 * store: {@code X} (cells x genes), {@code obs} (one row per cell) and {@code var} (one row per
 * gene) as Tablesaw tables whose first column is the index, plus {@code layers}, {@code
 * obsm}/{@code varm} (per-cell/per-gene matrices or tables), {@code obsp}/{@code varp} (pairwise
 * matrices), {@code uns} (nested metadata) and {@code raw}.
 *
 * <p>Categorical columns become string columns; nullable integers, booleans and strings become
 * columns with missing values. {@code uns} holds {@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, flat Java arrays, {@link Matrix}, {@code String[][]}, {@link Table} and nested
 * {@code Map}s.
 *
 * <p>Writing uses the current anndata encoding (anndata 0.8+). In {@code .h5ad} files, written with
 * jHDF, booleans are HDF5 bitfields (Python reads them as {@code uint8}), nullable integer/boolean
 * columns with missing values are stored as float64 with NaN (restored by {@link #read}), empty
 * groups are left out, and zero-length arrays cannot be written (use {@code .zarr}); zarr stores
 * have none of these limits. In Tablesaw an empty string is a missing value, so {@code ""} is
 * written as a missing category.
 *
 * <pre>{@code
 * AnnData adata = AnnData.read(Path.of("pbmc.h5ad"));
 * adata.nObs();                        // 700
 * adata.obs().column("louvain");       // StringColumn
 * adata.x().get(0, 5);
 * adata.write(Path.of("copy.zarr"));   // zarr v2 (AnnData.writeZarr(path, 3) for v3)
 * try (AnnDataAccessor acc = AnnData.open(Path.of("huge.h5ad"))) {
 *   Matrix first = acc.xRows(0, 1000); // only these rows are read
 * }
 * }</pre>
 */
public final class AnnData {

  /**
   * The raw (unfiltered) counts: its own X and var with the same observations.
   *
   * @param x raw X (may be null)
   * @param var raw var table, first column the index
   * @param varm per-variable matrices of raw
   */
  public record Raw(Matrix x, Table var, Map<String, Object> varm) {}

  private Matrix x;
  private final Table obs;
  private final Table var;
  private final Map<String, Matrix> layers = new LinkedHashMap<>();
  private final Map<String, Object> obsm = new LinkedHashMap<>();
  private final Map<String, Object> varm = new LinkedHashMap<>();
  private final Map<String, Matrix> obsp = new LinkedHashMap<>();
  private final Map<String, Matrix> varp = new LinkedHashMap<>();
  private final Map<String, Object> uns = new LinkedHashMap<>();
  private Raw raw;
  private final List<String> warnings = new ArrayList<>();

  /**
   * @param x the data matrix (n_obs x n_vars) or null
   * @param obs observations; its first column is the index (names), one row per cell
   * @param var variables; its first column is the index, one row per gene
   */
  public AnnData(Matrix x, Table obs, Table var) {
    this.obs = Objects.requireNonNull(obs, "obs");
    this.var = Objects.requireNonNull(var, "var");
    if (obs.columnCount() == 0 || var.columnCount() == 0) {
      throw new InvalidArgumentException("obs and var need an index column (column 0)");
    }
    x(x);
  }

  /**
   * An AnnData around {@code x} with obs and var named {@code "0", "1", ...} (add columns to {@link
   * #obs()} and {@link #var()} afterwards).
   */
  public static AnnData of(Matrix x) {
    return new AnnData(
        x,
        AnnDataReader.defaultIndex("obs", x.shape()[0]),
        AnnDataReader.defaultIndex("var", x.shape()[1]));
  }

  /** Reads a whole {@code .h5ad} file or AnnData {@code .zarr} store into memory. */
  public static AnnData read(Path path) {
    return read(path, "/");
  }

  /**
   * Reads the AnnData rooted at {@code group} of an HDF5 file or zarr store, e.g. {@code mod/rna}
   * of a MuData {@code .h5mu} file.
   */
  public static AnnData read(Path path, String group) {
    return Guard.run(
        path,
        () -> {
          if (isZarr(path)) {
            ZarrStore z = ZarrStore.open(path);
            return new AnnDataReader(path.toString()).read(z.group(group));
          }
          try (Hdf5Store h = Hdf5Store.open(path)) {
            var g = h.group(group);
            if (g == null) {
              throw new InvalidArgumentException("No group '" + group + "' in " + path);
            }
            return new AnnDataReader(path.toString()).read(g);
          }
        });
  }

  /**
   * Opens an {@code .h5ad} file or {@code .zarr} store for lazy access: shapes, obs/var and slices
   * of X are read on demand, so files larger than the heap can be described and sliced.
   */
  public static AnnDataAccessor open(Path path) {
    return AnnDataAccessor.open(path);
  }

  /**
   * Opens the AnnData rooted at {@code group} (e.g. {@code mod/rna} of a {@code .h5mu} file) for
   * lazy access, like {@link #open(Path)}.
   */
  public static AnnDataAccessor open(Path path, String group) {
    return AnnDataAccessor.open(path, group);
  }

  static boolean isZarr(Path path) {
    return Files.isDirectory(path) || path.getFileName().toString().toLowerCase().endsWith(".zarr");
  }

  /** Writes this object as {@code .h5ad}, or as zarr v2 when the path ends with {@code .zarr}. */
  public void write(Path path) {
    if (path.getFileName().toString().toLowerCase().endsWith(".zarr")) {
      writeZarr(path, 2);
    } else {
      writeH5ad(path);
    }
  }

  /**
   * Writes this object as an uncompressed {@code .h5ad} file in the current anndata encoding
   * (replaces the file), like anndata's default.
   */
  public void writeH5ad(Path path) {
    writeH5ad(path, false);
  }

  /**
   * Writes this object as an {@code .h5ad} file in the current anndata encoding (replaces the
   * file).
   *
   * @param gzip compress arrays with deflate (smaller files, slower reads and writes)
   */
  public void writeH5ad(Path path, boolean gzip) {
    Guard.run(
        path,
        "write",
        () -> {
          Hdf5Writer.write(
              path,
              gzip,
              root -> new AnnDataWriter(true, !Hdf5Writer.writesBooleanEnums()).write(this, root));
          return null;
        });
  }

  /**
   * Writes this object as a zarr store in the current anndata encoding.
   *
   * @param zarrFormat 2 or 3
   */
  public void writeZarr(Path path, int zarrFormat) {
    Guard.run(
        path,
        "write",
        () -> {
          ZarrStore.write(path, zarrFormat, root -> new AnnDataWriter().write(this, root));
          return null;
        });
  }

  /**
   * @return X, or null when the object has none
   */
  public Matrix x() {
    return x;
  }

  /** Sets X; its shape must be (n_obs, n_vars). */
  public AnnData x(Matrix x) {
    if (x != null && (x.shape()[0] != obs.rowCount() || x.shape()[1] != var.rowCount())) {
      throw new InvalidArgumentException(
          "X has shape "
              + x.shape()[0]
              + "x"
              + x.shape()[1]
              + " but obs has "
              + obs.rowCount()
              + " rows and var "
              + var.rowCount());
    }
    this.x = x;
    return this;
  }

  /**
   * @return the observation table; column 0 is the index
   */
  public Table obs() {
    return obs;
  }

  /**
   * @return the variable table; column 0 is the index
   */
  public Table var() {
    return var;
  }

  /**
   * @return number of observations (cells)
   */
  public int nObs() {
    return obs.rowCount();
  }

  /**
   * @return number of variables (genes)
   */
  public int nVars() {
    return var.rowCount();
  }

  /**
   * @return {@code {n_obs, n_vars}}
   */
  public long[] shape() {
    return new long[] {nObs(), nVars()};
  }

  /**
   * @return the observation names (obs index)
   */
  public List<String> obsNames() {
    return new ArrayList<>(obs.column(0).asStringColumn().asList());
  }

  /**
   * @return the variable names (var index)
   */
  public List<String> varNames() {
    return new ArrayList<>(var.column(0).asStringColumn().asList());
  }

  /**
   * @return layers (matrices shaped like X), mutable
   */
  public Map<String, Matrix> layers() {
    return layers;
  }

  /**
   * @return per-observation matrices or tables (n_obs rows), mutable
   */
  public Map<String, Object> obsm() {
    return obsm;
  }

  /**
   * @return per-variable matrices or tables (n_vars rows), mutable
   */
  public Map<String, Object> varm() {
    return varm;
  }

  /**
   * @return pairwise observation matrices (n_obs x n_obs), mutable
   */
  public Map<String, Matrix> obsp() {
    return obsp;
  }

  /**
   * @return pairwise variable matrices (n_vars x n_vars), mutable
   */
  public Map<String, Matrix> varp() {
    return varp;
  }

  /**
   * @return unstructured metadata, mutable
   */
  public Map<String, Object> uns() {
    return uns;
  }

  /**
   * @return raw, or null
   */
  public Raw raw() {
    return raw;
  }

  /** Sets raw (its X must have n_obs rows). */
  public AnnData raw(Raw raw) {
    this.raw = raw;
    return this;
  }

  /**
   * What {@link #read} could not read and skipped, one message per element naming its path and the
   * reason (an unsupported encoding such as {@code awkward-array} or a numpy record array in {@code
   * uns}, or a damaged element); empty when everything was read. Each is also logged at WARN.
   *
   * @return the skipped elements, mutable
   */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("AnnData object with n_obs x n_vars = ")
            .append(nObs())
            .append(" x ")
            .append(nVars());
    line(sb, "obs", obs.columnNames().subList(1, obs.columnCount()));
    line(sb, "var", var.columnNames().subList(1, var.columnCount()));
    line(sb, "uns", new ArrayList<>(uns.keySet()));
    line(sb, "obsm", new ArrayList<>(obsm.keySet()));
    line(sb, "varm", new ArrayList<>(varm.keySet()));
    line(sb, "layers", new ArrayList<>(layers.keySet()));
    line(sb, "obsp", new ArrayList<>(obsp.keySet()));
    line(sb, "varp", new ArrayList<>(varp.keySet()));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, List<String> keys) {
    if (!keys.isEmpty()) {
      sb.append("\n    ").append(name).append(": '").append(String.join("', '", keys)).append('\'');
    }
  }
}
