package org.lamindb.formats.spatialdata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lamindb.formats.curate.AnnDataSlots;
import org.lamindb.spi.FormatProvider;

/**
 * {@link FormatProvider} for SpatialData zarr stores: inspection (otype {@code SpatialData},
 * n_observations of the first table, one line per element and table) and curation slots ({@code
 * attrs}, {@code tables:<table>:obs}, {@code tables:<table>:var}, {@code tables:<table>:var.T};
 * images, labels, points and shapes are described with their shapes, not validated). Asked before
 * the MuData and AnnData providers so a SpatialData store is not taken for an AnnData store.
 */
public final class SpatialDataFormatProvider implements FormatProvider {
  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public SpatialDataFormatProvider() {}

  @Override
  public int priority() {
    return 20;
  }

  @Override
  public boolean canLoad(String suffix) {
    return false; // no in-memory SpatialData object in lamindb-java
  }

  @Override
  public <T> Optional<T> load(Path path, String suffix, Class<T> type) {
    return Optional.empty();
  }

  private static boolean applies(Path path, String suffix) {
    return suffix != null
        && suffix.toLowerCase(Locale.ROOT).endsWith(".zarr")
        && SpatialDataStore.isSpatialData(path);
  }

  @Override
  public Optional<FormatInfo> inspect(Path path, String suffix) {
    if (!applies(path, suffix)) {
      return Optional.empty();
    }
    SpatialDataStore sd = SpatialDataStore.open(path);
    List<String> lines = new ArrayList<>();
    lines.add("SpatialData" + (sd.version() == null ? "" : " " + sd.version()));
    lines.addAll(sd.elements());
    Long nObs = null;
    for (String t : sd.tables()) {
      try (var acc = org.lamindb.formats.AnnData.open(path.resolve("tables").resolve(t))) {
        long[] shape = acc.shape();
        nObs = nObs == null ? shape[0] : nObs;
        lines.add("tables/" + t + " AnnData " + shape[0] + " x " + shape[1]);
      }
    }
    return Optional.of(new FormatInfo("SpatialData", nObs, lines));
  }

  @Override
  public Optional<CurationSlots> curationSlots(Object object) {
    if (!(object instanceof Path p) || !applies(p, p.getFileName().toString())) {
      return Optional.empty();
    }
    SpatialDataStore sd = SpatialDataStore.open(p);
    Map<String, Object> slots = new LinkedHashMap<>();
    slots.put("attrs", sd.attrs());
    for (String t : sd.tables()) {
      AnnDataSlots.of(p.resolve("tables").resolve(t), "/", "tables:" + t + ":", false, slots);
    }
    List<String> elements = new ArrayList<>(sd.elements());
    sd.tables().forEach(t -> elements.add("tables/" + t + " (AnnData, validated)"));
    return Optional.of(new CurationSlots("SpatialData", slots, elements));
  }
}
