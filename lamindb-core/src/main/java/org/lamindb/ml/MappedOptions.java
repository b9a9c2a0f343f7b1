package org.lamindb.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lamindb.InvalidArgumentException;

/**
 * What a {@link MappedCollection} exposes of its AnnData files: the matrix ({@code "X"}, a layer
 * name or {@code "raw.X"}), the obs columns (encoded as stable integer codes), obsm keys, a row
 * filter on obs values and how the variables of different files are joined.
 *
 * <pre>{@code
 * MappedOptions o = MappedOptions.builder()
 *     .layer("X").obsKeys("cell_type", "donor").obsFilter("tissue", "lung", "blood")
 *     .join(Join.INNER).build();
 * }</pre>
 */
public final class MappedOptions {
  private final String layer;
  private final List<String> obsKeys;
  private final List<String> obsmKeys;
  private final Map<String, Set<String>> obsFilter;
  private final Join join;
  private final boolean encodeLabels;
  private final int unknownLabel;

  private MappedOptions(Builder b) {
    this.layer = b.layer;
    this.obsKeys = List.copyOf(b.obsKeys);
    this.obsmKeys = List.copyOf(b.obsmKeys);
    Map<String, Set<String>> f = new LinkedHashMap<>();
    b.obsFilter.forEach((k, v) -> f.put(k, Set.copyOf(v)));
    this.obsFilter = Map.copyOf(f);
    this.join = b.join;
    this.encodeLabels = b.encodeLabels;
    this.unknownLabel = b.unknownLabel;
  }

  /**
   * @return a builder with LaminDB's defaults (X, inner join, labels encoded, unknown label -1)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return options with every default
   */
  public static MappedOptions defaults() {
    return builder().build();
  }

  /**
   * @return {@code "X"}, a layer name or {@code "raw.X"}
   */
  public String layer() {
    return layer;
  }

  /**
   * @return obs columns whose values each sample and batch carries
   */
  public List<String> obsKeys() {
    return obsKeys;
  }

  /**
   * @return obsm keys whose rows each sample carries
   */
  public List<String> obsmKeys() {
    return obsmKeys;
  }

  /**
   * @return obs column → allowed values; rows with other values are left out
   */
  public Map<String, Set<String>> obsFilter() {
    return obsFilter;
  }

  /**
   * @return how the variables of the files are joined
   */
  public Join join() {
    return join;
  }

  /**
   * @return whether obs values are encoded as integer codes (sorted distinct values → 0..n-1)
   */
  public boolean encodeLabels() {
    return encodeLabels;
  }

  /**
   * @return the code of a missing obs value
   */
  public int unknownLabel() {
    return unknownLabel;
  }

  /** Builds {@link MappedOptions}. */
  public static final class Builder {
    private String layer = "X";
    private final List<String> obsKeys = new ArrayList<>();
    private final List<String> obsmKeys = new ArrayList<>();
    private final Map<String, Set<String>> obsFilter = new LinkedHashMap<>();
    private Join join = Join.INNER;
    private boolean encodeLabels = true;
    private int unknownLabel = -1;

    private Builder() {}

    /**
     * @param layer {@code "X"} (default), a layer name or {@code "raw.X"}
     * @return this builder
     */
    public Builder layer(String layer) {
      if (layer == null || layer.isBlank()) {
        throw new InvalidArgumentException("layer must be \"X\", a layer name or \"raw.X\"");
      }
      this.layer = layer;
      return this;
    }

    /**
     * @param keys obs columns to carry
     * @return this builder
     */
    public Builder obsKeys(String... keys) {
      obsKeys.addAll(List.of(keys));
      return this;
    }

    /**
     * @param keys obsm entries to carry (their rows)
     * @return this builder
     */
    public Builder obsmKeys(String... keys) {
      obsmKeys.addAll(List.of(keys));
      return this;
    }

    /**
     * @param column an obs column
     * @param allowed the values kept
     * @return this builder
     */
    public Builder obsFilter(String column, String... allowed) {
      if (allowed.length == 0) {
        throw new InvalidArgumentException(
            "obsFilter(\"" + column + "\") needs at least one allowed value");
      }
      obsFilter.computeIfAbsent(column, k -> new LinkedHashSet<>()).addAll(List.of(allowed));
      return this;
    }

    /**
     * @param join inner (default), outer or none
     * @return this builder
     */
    public Builder join(Join join) {
      this.join = java.util.Objects.requireNonNull(join, "join");
      return this;
    }

    /**
     * @param encode whether obs values become integer codes (default true)
     * @return this builder
     */
    public Builder encodeLabels(boolean encode) {
      this.encodeLabels = encode;
      return this;
    }

    /**
     * @param code the code of a missing value (default -1)
     * @return this builder
     */
    public Builder unknownLabel(int code) {
      this.unknownLabel = code;
      return this;
    }

    /**
     * @return the options
     */
    public MappedOptions build() {
      return new MappedOptions(this);
    }
  }
}
