package org.lamindb.ml;

import org.lamindb.InvalidArgumentException;

/**
 * How {@link MappedCollection#batches(BatchOptions)} reads and orders rows.
 *
 * <p>Rows are read in chunks of {@code chunkSize} contiguous rows (one read each); {@code
 * preloadChunks} chunks are held in memory and their rows shuffled together (block shuffle: the
 * chunk order is shuffled too). Without weights, every row appears exactly once per epoch. With
 * {@code weights}, samples are drawn with replacement, a chunk with probability proportional to the
 * sum of its rows' weights and then rows inside it proportional to their weight — so each draw
 * picks row {@code i} with probability {@code w[i] / sum(w)} while reads stay chunked. {@code
 * rank}/{@code worldSize} give each process a disjoint shard (chunks dealt round-robin after
 * shuffling).
 *
 * <pre>{@code
 * BatchOptions o = BatchOptions.builder().batchSize(4096).chunkSize(64).preloadChunks(64)
 *     .shuffle(42).weights("cell_type").build();
 * }</pre>
 */
public final class BatchOptions {
  private final int batchSize;
  private final int chunkSize;
  private final int preloadChunks;
  private final boolean shuffle;
  private final long seed;
  private final int epoch;
  private final String weightKey;
  private final double[] weights;
  private final long samplesPerEpoch;
  private final boolean dropLast;
  private final int rank;
  private final int worldSize;
  private final int prefetch;
  private final MappedOptions mapped;

  private BatchOptions(Builder b) {
    this.mapped = b.mapped;
    this.batchSize = b.batchSize;
    this.chunkSize = b.chunkSize;
    this.preloadChunks = b.preloadChunks;
    this.shuffle = b.shuffle;
    this.seed = b.seed;
    this.epoch = b.epoch;
    this.weightKey = b.weightKey;
    this.weights = b.weights;
    this.samplesPerEpoch = b.samplesPerEpoch;
    this.dropLast = b.dropLast;
    this.rank = b.rank;
    this.worldSize = b.worldSize;
    this.prefetch = b.prefetch;
  }

  /**
   * @return a builder (batch 256, chunk 64, 64 chunks preloaded, no shuffle, one prefetch thread)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return samples per batch
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * @return contiguous rows per read
   */
  public int chunkSize() {
    return chunkSize;
  }

  /**
   * @return chunks held in memory and shuffled together
   */
  public int preloadChunks() {
    return preloadChunks;
  }

  /**
   * @return whether chunk order and rows within a preload window are shuffled
   */
  public boolean shuffle() {
    return shuffle;
  }

  /**
   * @return the seed of the shuffle and of weighted sampling
   */
  public long seed() {
    return seed;
  }

  /**
   * @return the epoch, mixed into the seed so that epochs differ but stay reproducible
   */
  public int epoch() {
    return epoch;
  }

  /**
   * @return the obs key whose label frequencies give the weights (1 / count of the row's label), or
   *     null
   */
  public String weightKey() {
    return weightKey;
  }

  /**
   * @return explicit per-row weights (in the mapped collection's row order), or null
   */
  public double[] weights() {
    return weights == null ? null : weights.clone();
  }

  /**
   * @return samples drawn per epoch with weights (0 = the collection's size)
   */
  public long samplesPerEpoch() {
    return samplesPerEpoch;
  }

  /**
   * @return whether a last, smaller batch is dropped
   */
  public boolean dropLast() {
    return dropLast;
  }

  /**
   * @return this process's shard number
   */
  public int rank() {
    return rank;
  }

  /**
   * @return number of shards
   */
  public int worldSize() {
    return worldSize;
  }

  /**
   * @return threads that read the next preload window while the current one is consumed (0 = read
   *     in the consuming thread)
   */
  public int prefetch() {
    return prefetch;
  }

  /**
   * @return the mapped options used by {@code collection.batches(..)} (layer, obs keys, filter, join)
   */
  public MappedOptions mapped() {
    return mapped;
  }

  /**
   * @return whether samples are drawn with weights
   */
  public boolean weighted() {
    return weightKey != null || weights != null;
  }

  /** Builds {@link BatchOptions}. */
  public static final class Builder {
    private int batchSize = 256;
    private int chunkSize = 64;
    private int preloadChunks = 64;
    private boolean shuffle;
    private long seed;
    private int epoch;
    private String weightKey;
    private double[] weights;
    private long samplesPerEpoch;
    private boolean dropLast;
    private int rank;
    private int worldSize = 1;
    private int prefetch = 1;
    private MappedOptions mapped = MappedOptions.defaults();

    private Builder() {}

    /**
     * @param options what {@code collection.batches(..)} maps (layer, obs keys carried by each batch,
     *     filter, join); ignored by {@link MappedCollection#batches(BatchOptions)}, whose collection is
     *     already mapped
     * @return this builder
     */
    public Builder mapped(MappedOptions options) {
      this.mapped = java.util.Objects.requireNonNull(options, "options");
      return this;
    }

    private static int positive(String name, int v) {
      if (v <= 0) {
        throw new InvalidArgumentException(name + " must be positive, got " + v);
      }
      return v;
    }

    /**
     * @param n samples per batch
     * @return this builder
     */
    public Builder batchSize(int n) {
      this.batchSize = positive("batchSize", n);
      return this;
    }

    /**
     * @param n contiguous rows per read
     * @return this builder
     */
    public Builder chunkSize(int n) {
      this.chunkSize = positive("chunkSize", n);
      return this;
    }

    /**
     * @param n chunks held in memory and shuffled together
     * @return this builder
     */
    public Builder preloadChunks(int n) {
      this.preloadChunks = positive("preloadChunks", n);
      return this;
    }

    /**
     * @param seed shuffles chunk order and rows within each preload window with this seed
     * @return this builder
     */
    public Builder shuffle(long seed) {
      this.shuffle = true;
      this.seed = seed;
      return this;
    }

    /**
     * @param epoch epoch number mixed into the seed
     * @return this builder
     */
    public Builder epoch(int epoch) {
      this.epoch = epoch;
      return this;
    }

    /**
     * @param obsKey weights = 1 / frequency of each row's value of this obs column (balanced
     *     labels)
     * @return this builder
     */
    public Builder weights(String obsKey) {
      this.weightKey = java.util.Objects.requireNonNull(obsKey, "obsKey");
      this.weights = null;
      return this;
    }

    /**
     * @param perRow one non-negative weight per row of the mapped collection
     * @return this builder
     */
    public Builder weights(double[] perRow) {
      for (int i = 0; i < perRow.length; i++) {
        if (!(perRow[i] >= 0) || Double.isInfinite(perRow[i])) {
          throw new InvalidArgumentException(
              "weights must be finite and non-negative; weights[" + i + "] = " + perRow[i]);
        }
      }
      this.weights = perRow.clone();
      this.weightKey = null;
      return this;
    }

    /**
     * @param n samples drawn per epoch when weighted (default: the collection's size)
     * @return this builder
     */
    public Builder samplesPerEpoch(long n) {
      if (n < 0) {
        throw new InvalidArgumentException("samplesPerEpoch must be >= 0, got " + n);
      }
      this.samplesPerEpoch = n;
      return this;
    }

    /**
     * @param drop whether a last, smaller batch is dropped
     * @return this builder
     */
    public Builder dropLast(boolean drop) {
      this.dropLast = drop;
      return this;
    }

    /**
     * @param rank this process's shard, 0..worldSize-1
     * @param worldSize number of shards
     * @return this builder
     */
    public Builder shard(int rank, int worldSize) {
      positive("worldSize", worldSize);
      if (rank < 0 || rank >= worldSize) {
        throw new InvalidArgumentException(
            "rank must be in 0.."
                + (worldSize - 1)
                + " for worldSize "
                + worldSize
                + ", got "
                + rank);
      }
      this.rank = rank;
      this.worldSize = worldSize;
      return this;
    }

    /**
     * @param rank this process's shard, 0..worldSize-1 (checked by {@link #build()})
     * @return this builder
     */
    public Builder rank(int rank) {
      this.rank = rank;
      return this;
    }

    /**
     * @param worldSize number of shards (checked by {@link #build()})
     * @return this builder
     */
    public Builder worldSize(int worldSize) {
      this.worldSize = worldSize;
      return this;
    }

    /**
     * @param threads background reader threads (0 = none)
     * @return this builder
     */
    public Builder prefetch(int threads) {
      if (threads < 0) {
        throw new InvalidArgumentException("prefetch must be >= 0, got " + threads);
      }
      this.prefetch = threads;
      return this;
    }

    /**
     * @return the options
     */
    public BatchOptions build() {
      shard(rank, worldSize);
      return new BatchOptions(this);
    }
  }
}
