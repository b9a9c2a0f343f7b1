/**
 * Machine-learning access to collections of AnnData artifacts: {@link
 * org.lamindb.ml.MappedCollection} (a map-style dataset over many {@code .h5ad}/{@code .zarr}
 * files, read in place) and a chunked, shuffling, optionally weighted {@link org.lamindb.ml.Batch}
 * loader configured by {@link org.lamindb.ml.BatchOptions}.
 *
 * <pre>{@code
 * try (MappedCollection mc = collection.mapped(MappedOptions.builder().obsKeys("cell_type").build())) {
 *   for (Batch b : mc.batches(BatchOptions.builder().batchSize(4096).shuffle(42).build())) {
 *     float[] values = b.x().data();   // CSR values of the batch rows
 *     int[] labels = b.obs("cell_type");
 *   }
 * }
 * }</pre>
 *
 * The implementation lives in {@code lamindb-formats} and is found through {@link
 * org.lamindb.spi.FormatProvider#mapped}.
 */
package org.lamindb.ml;
