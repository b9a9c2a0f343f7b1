package org.lamindb.formats.ml;

import java.util.List;
import org.lamindb.ml.MappedCollection;
import org.lamindb.ml.MappedOptions;
import org.lamindb.ml.MappedSource;

/**
 * Opens AnnData files as a {@link MappedCollection} (what {@code collection.mapped(..)} reaches
 * through the format SPI).
 */
public final class MappedCollections {
  private MappedCollections() {}

  /**
   * @param sources {@code .h5ad} files or AnnData {@code .zarr} stores, in row order
   * @param options what to expose
   * @return the mapped collection (close it)
   */
  public static MappedCollection open(List<MappedSource> sources, MappedOptions options) {
    return new AnnDataMapped(sources, options);
  }
}
