package org.lamindb.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Service-provider interface ({@link java.util.ServiceLoader}) for file formats: loading artifacts
 * into objects, writing in-memory objects as artifacts, and inspecting files for artifact metadata.
 * Core ships providers for text and JSON; {@code lamindb-formats} adds DataFrames, AnnData and
 * sequences.
 */
public interface FormatProvider {

  /**
   * @return providers with a higher priority are asked first (default 0)
   */
  default int priority() {
    return 0;
  }

  /**
   * @param suffix canonical artifact suffix, e.g. {@code .parquet}, {@code .csv.gz}, {@code .h5ad}
   * @return true when {@link #load} understands the suffix
   */
  boolean canLoad(String suffix);

  /**
   * Loads a local file (or folder) into its natural in-memory object.
   *
   * @param type the requested type ({@code Object.class} for the natural one)
   * @return the object, or empty when this provider cannot produce {@code type}
   */
  <T> Optional<T> load(Path path, String suffix, Class<T> type) throws IOException;

  /**
   * @return true when {@link #write} can serialize {@code object}
   */
  default boolean canWrite(Object object) {
    return false;
  }

  /**
   * @param object the in-memory object
   * @param requestedSuffix suffix from the key, or null
   * @return the suffix the object will be written with, e.g. {@code .parquet} for a table
   */
  default String suffixFor(Object object, String requestedSuffix) {
    throw new UnsupportedOperationException("this provider writes no objects");
  }

  /** Writes {@code object} to {@code target} in the format of {@code suffix}. */
  default void write(Object object, Path target, String suffix) throws IOException {
    throw new UnsupportedOperationException("this provider writes no objects");
  }

  /**
   * The parts of an in-memory object that a composite schema's slots validate, keyed by slot:
   * {@code "obs"} → a Tablesaw {@code Table} of observation annotations, {@code "var.T"} → the
   * variable index as a {@code List<String>} (LaminDB's {@code AnnDataCurator}).
   *
   * @param object an object this provider writes, or a {@link java.nio.file.Path} to a file or
   *     store of this format (then only the annotations are read, never X)
   * @return the slots with their otype, or empty when the object has none
   */
  default Optional<CurationSlots> curationSlots(Object object) {
    return Optional.empty();
  }

  /**
   * An object's curatable parts.
   *
   * @param otype the object type a composite schema names ({@code AnnData}, {@code MuData}, {@code
   *     SpatialData})
   * @param slots the parts by slot name: a Tablesaw {@code Table} (obs, var, tables' obs), a {@code
   *     List<String>} of identifiers ({@code var.T}), a {@code Map<String, Object>} ({@code uns},
   *     {@code attrs}), or a {@link java.util.function.Supplier} of one of these, read on demand
   * @param elements lines describing parts that are registered but not validated (SpatialData
   *     images, labels, points and shapes with their shapes)
   */
  record CurationSlots(
      String otype, java.util.Map<String, Object> slots, java.util.List<String> elements) {
    /**
     * @param otype the object type
     * @param slots the parts by slot name
     */
    public CurationSlots(String otype, java.util.Map<String, Object> slots) {
      this(otype, slots, java.util.List.of());
    }
  }

  /**
   * Reads the metadata LaminDB stores for a file of this format ({@code otype}, {@code
   * n_observations}) and lines for describe(). Must read only what is needed (headers, shapes),
   * never the whole dataset.
   *
   * @return empty when the provider does not know the suffix
   */
  default Optional<FormatInfo> inspect(Path path, String suffix) throws IOException {
    return Optional.empty();
  }

  /**
   * What a format knows about a file.
   *
   * @param otype {@code DataFrame}, {@code AnnData}, ... or null
   * @param nObservations number of rows/cells/records, or null
   * @param summary short lines shown by describe(), e.g. shape and columns
   */
  record FormatInfo(String otype, Long nObservations, java.util.List<String> summary) {}

  /**
   * Opens a local file (or folder) for lazy, streaming access, e.g. AnnData as an accessor that
   * reads slices on demand ({@code artifact.open()}).
   *
   * @param path the local file or folder
   * @param suffix canonical artifact suffix
   * @return the accessor (closeable), or empty when this provider has none for the suffix
   */
  default Optional<AutoCloseable> open(Path path, String suffix) throws IOException {
    return Optional.empty();
  }

  /**
   * Concatenates loaded objects of this format along observations (AnnData: rows), adding a column
   * {@code label} to the observation annotations with each object's {@code keys} entry.
   *
   * @param objects loaded objects, in order
   * @param keys one label value per object
   * @param label name of the label column
   * @param outerJoin true keeps the union of variables (a variable an object lacks: absent in a
   *     sparse matrix, NaN in a dense one, as anndata), false the intersection
   * @return the concatenation, or empty when this provider does not concatenate these objects
   */
  default Optional<Object> concat(
      java.util.List<Object> objects,
      java.util.List<String> keys,
      String label,
      boolean outerJoin) {
    return Optional.empty();
  }

  /**
   * Opens files of this format as a map-style ML dataset ({@link org.lamindb.ml.MappedCollection}).
   *
   * @param sources the files, in row order
   * @param options what to expose
   * @return the mapped collection, or empty when this provider does not map these files
   */
  default Optional<org.lamindb.ml.MappedCollection> mapped(
      java.util.List<org.lamindb.ml.MappedSource> sources, org.lamindb.ml.MappedOptions options) {
    return Optional.empty();
  }
}
