package org.lamindb.formats.mudata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lamindb.formats.MuData;
import org.lamindb.spi.FormatProvider;

/**
 * {@link FormatProvider} for MuData: {@code .h5mu} files, and {@code .zarr} stores that have a
 * {@code mod} group. Inspection reads metadata only (otype {@code MuData}, n_observations = the
 * global n_obs, one summary line per modality with its shape); {@code load(MuData.class)} (or
 * {@code load()}) reads every modality. Asked before the AnnData provider, so a MuData zarr store
 * is not mistaken for an AnnData one; other zarr stores are left to it.
 */
public final class MuDataFormatProvider implements FormatProvider {

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public MuDataFormatProvider() {}

  @Override
  public int priority() {
    return 10;
  }

  private static String norm(String suffix) {
    return suffix == null ? "" : suffix.toLowerCase(Locale.ROOT);
  }

  private static boolean isMuData(Path path, String suffix) {
    String s = norm(suffix);
    return s.equals(".h5mu") || s.endsWith(".zarr") && MuData.isMuDataStore(path);
  }

  @Override
  public boolean canLoad(String suffix) {
    String s = norm(suffix);
    return s.equals(".h5mu") || s.endsWith(".zarr");
  }

  @Override
  public <T> Optional<T> load(Path path, String suffix, Class<T> type) throws IOException {
    if ((type == MuData.class || type == Object.class) && isMuData(path, suffix)) {
      return Optional.of(type.cast(MuData.read(path)));
    }
    return Optional.empty();
  }

  /**
   * {@code obs} (global) and per modality {@code <mod>:obs}, {@code <mod>:var}, {@code
   * <mod>:var.T}, for schemas of otype {@code MuData}; from an in-memory MuData or a path to an
   * {@code .h5mu} file or MuData zarr store (X is not read).
   */
  @Override
  public Optional<CurationSlots> curationSlots(Object object) {
    Map<String, Object> slots = new java.util.LinkedHashMap<>();
    if (object instanceof MuData m) {
      slots.put("obs", org.lamindb.formats.curate.AnnDataSlots.withoutIndex(m.obs()));
      m.mods().forEach((k, a) -> org.lamindb.formats.curate.AnnDataSlots.of(a, k + ":", slots));
    } else if (object instanceof Path p
        && isMuData(p, p.getFileName().toString().contains(".") ? suffixOf(p) : "")) {
      try (org.lamindb.formats.AnnDataAccessor g = org.lamindb.formats.AnnData.open(p, "/")) {
        slots.put("obs", org.lamindb.formats.curate.AnnDataSlots.withoutIndex(g.obs()));
      }
      for (String mod : MuData.shapes(p).keySet()) {
        if (!mod.isEmpty()) {
          org.lamindb.formats.curate.AnnDataSlots.of(p, "mod/" + mod, mod + ":", false, slots);
        }
      }
    } else {
      return Optional.empty();
    }
    return Optional.of(new CurationSlots("MuData", slots));
  }

  private static String suffixOf(Path p) {
    String n = p.getFileName().toString();
    return n.substring(n.lastIndexOf('.'));
  }

  @Override
  public Optional<FormatInfo> inspect(Path path, String suffix) throws IOException {
    if (!isMuData(path, suffix)) {
      return Optional.empty();
    }
    Map<String, long[]> shapes = MuData.shapes(path);
    long[] global = shapes.remove("");
    List<String> lines = new ArrayList<>();
    lines.add("MuData " + global[0] + " x " + global[1] + " (" + shapes.size() + " modalities)");
    shapes.forEach((name, s) -> lines.add(name + ": " + s[0] + " x " + s[1]));
    return Optional.of(new FormatInfo("MuData", global[0], lines));
  }
}
