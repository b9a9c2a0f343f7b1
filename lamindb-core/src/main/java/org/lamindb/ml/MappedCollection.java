package org.lamindb.ml;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.lamindb.InvalidArgumentException;
import org.lamindb.spi.FormatProvider;

/**
 * A map-style dataset over the rows of many AnnData files ({@code .h5ad} or {@code .zarr}), read in
 * place (no copy into a cache): {@link #get(long)} returns one sample, {@link #batches} a chunked,
 * shuffling, optionally weighted stream of batches. Rows are numbered across files in the order of
 * the sources; variables are aligned by {@link MappedOptions#join()}.
 *
 * <pre>{@code
 * try (MappedCollection mc = collection.mapped(MappedOptions.builder().obsKeys("cell_type").build())) {
 *   Sample s = mc.get(0);
 *   double[] w = mc.labelWeights("cell_type");
 * }
 * }</pre>
 */
public interface MappedCollection extends AutoCloseable {

  /**
   * Opens AnnData files as a mapped collection through the installed format providers ({@code
   * lamindb-formats}).
   *
   * @param sources the files, in row order
   * @param options what to expose
   * @return the mapped collection (close it)
   */
  static MappedCollection open(List<MappedSource> sources, MappedOptions options) {
    for (FormatProvider p : ServiceLoader.load(FormatProvider.class)) {
      var m = p.mapped(sources, options);
      if (m.isPresent()) {
        return m.get();
      }
    }
    throw new InvalidArgumentException(
        "no format provider can map AnnData files: add org.lamindb:lamindb-formats to the classpath");
  }

  /**
   * @return number of rows (after the obs filter)
   */
  long size();

  /**
   * @return {@code {rows, variables}} after filter and join
   */
  long[] shape();

  /**
   * @return {@code {rows, variables}} of each file as stored
   */
  List<long[]> originalShapes();

  /**
   * @return the variable names of the result (the joined var index)
   */
  List<String> varIndex();

  /**
   * @return the obs keys carried
   */
  List<String> obsKeys();

  /**
   * @param key an obs key
   * @return the label of each code of that key (code i = element i), sorted, stable across files
   */
  List<String> labels(String key);

  /**
   * @param i a row, 0..size()-1
   * @return that sample
   */
  Sample get(long i);

  /**
   * @param key an obs key
   * @return one weight per row, 1 / (number of rows with the same value), for balanced sampling
   */
  double[] labelWeights(String key);

  /**
   * @param key an obs key
   * @return the code of every row (length size())
   */
  int[] codes(String key);

  /**
   * @param options batching options
   * @return the batches of one epoch
   */
  Iterable<Batch> batches(BatchOptions options);

  /**
   * @param options batching options
   * @return the batches of one epoch as a stream (close it to stop background reads early)
   */
  default Stream<Batch> stream(BatchOptions options) {
    return StreamSupport.stream(batches(options).spliterator(), false);
  }

  /** Closes the files. */
  @Override
  void close();
}
