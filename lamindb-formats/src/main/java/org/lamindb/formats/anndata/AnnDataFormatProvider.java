package org.lamindb.formats.anndata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lamindb.formats.AnnData;
import org.lamindb.formats.AnnDataAccessor;
import org.lamindb.spi.FormatProvider;

/**
 * {@link FormatProvider} for AnnData: loads {@code .h5ad}, {@code .zarr} and {@code .anndata.zarr}
 * into {@link AnnData} (or an {@link AnnDataAccessor} when that class is requested), writes {@link
 * AnnData} objects (as {@code .h5ad} unless the key asks for zarr), and inspects files reading only
 * metadata: otype {@code AnnData}, n_observations = n_obs, and summary lines with shape, columns
 * and keys.
 */
public final class AnnDataFormatProvider implements FormatProvider {

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public AnnDataFormatProvider() {}

  private static String norm(String suffix) {
    return suffix == null ? "" : suffix.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean canLoad(String suffix) {
    String s = norm(suffix);
    return s.equals(".h5ad") || s.equals(".zarr") || s.equals(".anndata.zarr");
  }

  @Override
  public <T> Optional<T> load(Path path, String suffix, Class<T> type) throws IOException {
    if (!canLoad(suffix)) {
      return Optional.empty();
    }
    if (type == AnnDataAccessor.class) {
      return Optional.of(type.cast(AnnData.open(path)));
    }
    if (type == Object.class || type == AnnData.class) {
      return Optional.of(type.cast(AnnData.read(path)));
    }
    return Optional.empty();
  }

  /** {@code artifact.open()} of AnnData: a lazy {@link AnnDataAccessor}. */
  @Override
  public Optional<AutoCloseable> open(Path path, String suffix) {
    return canLoad(suffix) ? Optional.of(AnnData.open(path)) : Optional.empty();
  }

  @Override
  public boolean canWrite(Object object) {
    return object instanceof AnnData;
  }

  @Override
  public String suffixFor(Object object, String requestedSuffix) {
    String s = norm(requestedSuffix);
    if (s.equals(".zarr") || s.equals(".anndata.zarr")) {
      return s;
    }
    return ".h5ad";
  }

  @Override
  public void write(Object object, Path target, String suffix) throws IOException {
    AnnData a = (AnnData) object;
    String s = norm(suffix);
    if (s.endsWith(".zarr")) {
      a.writeZarr(target, 2);
    } else {
      a.writeH5ad(target);
    }
  }

  /**
   * {@code obs}, {@code var} → the annotation tables, {@code var.T} → the var index, {@code uns},
   * {@code obsm:<key>}, for schemas of otype {@code AnnData}; from an in-memory AnnData or a path
   * to an {@code .h5ad} file or AnnData zarr store (X is not read).
   */
  @Override
  public Optional<CurationSlots> curationSlots(Object object) {
    java.util.Map<String, Object> slots = new java.util.LinkedHashMap<>();
    if (object instanceof AnnData a) {
      org.lamindb.formats.curate.AnnDataSlots.of(a, "", slots);
    } else if (object instanceof Path p && isAnnDataPath(p)) {
      org.lamindb.formats.curate.AnnDataSlots.of(p, "/", "", true, slots);
    } else {
      return Optional.empty();
    }
    return Optional.of(new CurationSlots("AnnData", slots));
  }

  private static boolean isAnnDataPath(Path p) {
    String n = norm(p.getFileName().toString());
    return n.endsWith(".h5ad") || n.endsWith(".zarr") && java.nio.file.Files.isDirectory(p);
  }

  /** {@code anndata.concat} of AnnData objects along obs, with a label column of {@code keys}. */
  @Override
  public Optional<Object> concat(
      List<Object> objects, List<String> keys, String label, boolean outerJoin) {
    if (objects.isEmpty() || !objects.stream().allMatch(o -> o instanceof AnnData)) {
      return Optional.empty();
    }
    List<AnnData> adatas = objects.stream().map(o -> (AnnData) o).toList();
    return Optional.of(
        org.lamindb.formats.anndata.internal.AnnDataConcat.concat(adatas, keys, label, outerJoin));
  }

  @Override
  public Optional<FormatInfo> inspect(Path path, String suffix) throws IOException {
    if (!canLoad(suffix)) {
      return Optional.empty();
    }
    try (AnnDataAccessor acc = AnnData.open(path)) {
      long[] shape = acc.shape();
      List<String> lines = new ArrayList<>();
      lines.add(
          "AnnData "
              + shape[0]
              + " x "
              + shape[1]
              + (acc.xEncoding() == null
                  ? " (no X)"
                  : " (X " + acc.xEncoding() + " " + acc.xDtype() + ")"));
      lines.add("elements: " + String.join(", ", acc.elements()));
      add(lines, "obs", acc.obsColumns());
      add(lines, "var", acc.varColumns());
      add(lines, "layers", acc.layerKeys());
      add(lines, "obsm", acc.obsmKeys());
      add(lines, "varm", acc.varmKeys());
      add(lines, "obsp", acc.obspKeys());
      add(lines, "uns", acc.unsKeys());
      if (acc.hasRaw()) {
        lines.add("raw: yes");
      }
      return Optional.of(new FormatInfo("AnnData", shape[0], lines));
    }
  }

  private static void add(List<String> lines, String name, List<String> keys) {
    if (!keys.isEmpty()) {
      int max = 20;
      String shown = String.join(", ", keys.size() > max ? keys.subList(0, max) : keys);
      lines.add(name + ": " + shown + (keys.size() > max ? ", ... (" + keys.size() + ")" : ""));
    }
  }

  /** Maps {@code .h5ad} and AnnData {@code .zarr} files (read in place, rows on demand). */
  @Override
  public Optional<org.lamindb.ml.MappedCollection> mapped(
      List<org.lamindb.ml.MappedSource> sources, org.lamindb.ml.MappedOptions options) {
    for (org.lamindb.ml.MappedSource s : sources) {
      String name = s.path().getFileName().toString().toLowerCase(Locale.ROOT);
      if (!(name.endsWith(".h5ad") || name.endsWith(".zarr"))) {
        return Optional.empty();
      }
    }
    return Optional.of(org.lamindb.formats.ml.MappedCollections.open(sources, options));
  }
}
