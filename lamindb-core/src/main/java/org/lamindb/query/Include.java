package org.lamindb.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Extra columns for {@link QuerySet#toDataFrame(Include)}: related fields such as {@code
 * created_by__handle}, {@code storage__root} or {@code ulabels__name}, and feature values of
 * artifacts, runs and records. A to-one path gives one value per row; a to-many path gives one text
 * cell per row holding the distinct related values, sorted and joined with {@code ", "}. Features
 * give one typed column each (spec §6.8).
 *
 * <pre>{@code
 * ln.artifacts().filter("gc_content__gt", 0.5).toDataFrame(Include.FEATURES);
 * ln.artifacts().toDataFrame(Include.features("gc_content", "design_sample").withFields("created_by__handle"));
 * }</pre>
 */
public final class Include {
  /** Every feature that has a value on at least one of the rows, one column each. */
  public static final Include FEATURES = new Include(List.of(), true, null);

  private final List<String> paths;
  private final boolean features;
  private final List<String> featureNames;

  private Include(List<String> paths, boolean features, List<String> featureNames) {
    this.paths = paths;
    this.features = features;
    this.featureNames = featureNames;
  }

  /**
   * @return an include of the given lookup paths, in this column order
   */
  public static Include fields(String... paths) {
    return new Include(List.of(paths), false, null);
  }

  /**
   * @return an include of exactly the named features, in this column order (missing values are
   *     empty cells)
   */
  public static Include features(String... names) {
    return new Include(List.of(), true, List.of(names));
  }

  /**
   * @return this include plus the given lookup paths
   */
  public Include withFields(String... more) {
    List<String> p = new ArrayList<>(paths);
    p.addAll(List.of(more));
    return new Include(List.copyOf(p), features, featureNames);
  }

  /**
   * @return this include plus all features (or the named features)
   */
  public Include withFeatures(String... names) {
    return new Include(paths, true, names.length == 0 ? null : List.of(names));
  }

  /**
   * @return the paths
   */
  public List<String> paths() {
    return paths;
  }

  /**
   * @return whether feature columns are included
   */
  public boolean includesFeatures() {
    return features;
  }

  /**
   * @return the named features, or null for all features with values
   */
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public String toString() {
    return "Include"
        + paths
        + (features ? "+features" + (featureNames == null ? "" : featureNames) : "");
  }
}
