package org.lamindb.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lamindb.InvalidArgumentException;
import org.lamindb.formats.anndata.internal.AnnDataReader;
import org.lamindb.formats.anndata.internal.Guard;
import org.lamindb.formats.anndata.internal.StoreGroup;
import org.lamindb.formats.anndata.internal.StoreNode;
import org.lamindb.formats.internal.hdf5.Hdf5Store;
import org.lamindb.formats.internal.zarr.ZarrStore;
import tech.tablesaw.api.Table;

/**
 * A multimodal dataset, the in-memory form of a MuData {@code .h5mu} file or a MuData {@code .zarr}
 * store: one {@link AnnData} per modality ({@code mod/<name>}, in the file's {@code mod-order}),
 * plus the global {@code obs} and {@code var} tables (first column the index). Read-only:
 * lamindb-java does not write MuData.
 *
 * <pre>{@code
 * MuData m = MuData.read(Path.of("pbmc.h5mu"));     // or artifact.load(MuData.class)
 * m.modalities();                                   // [rna, atac]
 * AnnData rna = m.mod("rna");
 * }</pre>
 */
public final class MuData {
  private final Map<String, AnnData> mods;
  private final Table obs;
  private final Table var;

  private MuData(Map<String, AnnData> mods, Table obs, Table var) {
    this.mods = mods;
    this.obs = obs;
    this.var = var;
  }

  /** Reads every modality of a {@code .h5mu} file or MuData {@code .zarr} store into memory. */
  public static MuData read(Path path) {
    return Guard.run(
        path,
        () -> {
          if (Files.isDirectory(path)) {
            return read(path, ZarrStore.open(path).group("/"));
          }
          try (Hdf5Store h = Hdf5Store.open(path)) {
            return read(path, h.root());
          }
        });
  }

  private static MuData read(Path path, StoreGroup root) {
    List<String> names = modalities(root);
    if (names == null) {
      throw new InvalidArgumentException(
          path + " is not a MuData file: it has no mod group (read it with AnnData.read)");
    }
    StoreGroup mod = (StoreGroup) root.child("mod");
    Map<String, AnnData> mods = new LinkedHashMap<>();
    for (String name : names) {
      StoreNode g = mod.child(name);
      if (g instanceof StoreGroup) {
        mods.put(name, new AnnDataReader(path + " mod/" + name).read((StoreGroup) g));
      }
    }
    AnnDataReader r = new AnnDataReader(path.toString());
    Table obs = r.readFrame(root, "obs");
    Table var = r.readFrame(root, "var");
    return new MuData(
        mods,
        obs != null ? obs : AnnDataReader.defaultIndex("obs", 0),
        var != null ? var : AnnDataReader.defaultIndex("var", 0));
  }

  /**
   * Reads only metadata: the global shape and each modality's shape, in the file's order.
   *
   * @return {@code ""} → global {@code {n_obs, n_vars}}, then modality name → its shape
   * @throws InvalidArgumentException when the file has no {@code mod} group
   */
  public static Map<String, long[]> shapes(Path path) {
    return Guard.run(
        path,
        () -> {
          if (Files.isDirectory(path)) {
            return shapes(path, ZarrStore.open(path).group("/"));
          }
          try (Hdf5Store h = Hdf5Store.open(path)) {
            return shapes(path, h.root());
          }
        });
  }

  private static Map<String, long[]> shapes(Path path, StoreGroup root) {
    List<String> names = modalities(root);
    if (names == null) {
      throw new InvalidArgumentException(path + " is not a MuData file: it has no mod group");
    }
    Map<String, long[]> out = new LinkedHashMap<>();
    out.put("", new AnnDataAccessor(path, null, root).shape());
    StoreGroup mod = (StoreGroup) root.child("mod");
    for (String n : names) {
      if (mod.child(n) instanceof StoreGroup) {
        out.put(n, new AnnDataAccessor(path, null, (StoreGroup) mod.child(n)).shape());
      }
    }
    return out;
  }

  /**
   * @return true when {@code path} is a folder (zarr store) with a {@code mod} group, the layout of
   *     MuData
   */
  public static boolean isMuDataStore(Path path) {
    Path mod = path.resolve("mod");
    return Files.isDirectory(path)
        && (Files.exists(mod.resolve(".zgroup")) || Files.exists(mod.resolve("zarr.json")));
  }

  /**
   * @return the modality names of a store's {@code mod} group in {@code mod-order} (then any
   *     others), or null when the store has no {@code mod} group
   */
  static List<String> modalities(StoreGroup root) {
    StoreNode mod = root.child("mod");
    if (!(mod instanceof StoreGroup)) {
      return null;
    }
    List<String> present = ((StoreGroup) mod).childNames();
    List<String> out = new ArrayList<>();
    Object order = mod.attrs().get("mod-order");
    List<String> declared =
        order instanceof String[]
            ? Arrays.asList((String[]) order)
            : order instanceof String ? List.of((String) order) : List.of();
    for (String n : declared) {
      if (present.contains(n) && !out.contains(n)) {
        out.add(n);
      }
    }
    for (String n : present) {
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * @return the modality names, in the file's order
   */
  public List<String> modalities() {
    return new ArrayList<>(mods.keySet());
  }

  /**
   * @param name a modality, e.g. {@code rna}
   * @return its AnnData
   * @throws InvalidArgumentException when there is no such modality (the message lists them)
   */
  public AnnData mod(String name) {
    AnnData a = mods.get(name);
    if (a == null) {
      throw new InvalidArgumentException(
          "No modality '" + name + "'; available: " + String.join(", ", mods.keySet()));
    }
    return a;
  }

  /**
   * @return all modalities by name (unmodifiable)
   */
  public Map<String, AnnData> mods() {
    return java.util.Collections.unmodifiableMap(mods);
  }

  /**
   * @return the global observation table (column 0 the index)
   */
  public Table obs() {
    return obs;
  }

  /**
   * @return the global variable table (column 0 the index)
   */
  public Table var() {
    return var;
  }

  /**
   * @return the global observation names
   */
  public List<String> obsNames() {
    return new ArrayList<>(obs.column(0).asStringColumn().asList());
  }

  /**
   * @return {@code {n_obs, n_vars}} of the global tables
   */
  public long[] shape() {
    return new long[] {obs.rowCount(), var.rowCount()};
  }

  /**
   * @return what was skipped while reading, over all modalities (see {@link AnnData#warnings()})
   */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    mods.values().forEach(a -> out.addAll(a.warnings()));
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("MuData object with n_obs x n_vars = ")
            .append(obs.rowCount())
            .append(" x ")
            .append(var.rowCount());
    mods.forEach(
        (k, a) ->
            sb.append("\n  ")
                .append(k)
                .append(": ")
                .append(a.nObs())
                .append(" x ")
                .append(a.nVars()));
    return sb.toString();
  }
}
