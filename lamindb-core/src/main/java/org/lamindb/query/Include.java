package org.lamindb.query;

import java.util.List;

/**
 * Extra columns for {@link QuerySet#toDataFrame(Include)}: related fields such as {@code created_by__handle},
 * {@code storage__root} or {@code ulabels__name}. A to-one path gives one value per row; a to-many path gives one
 * text cell per row holding the distinct related values, sorted and joined with {@code ", "}.
 */
public final class Include {
  private final List<String> paths;

  private Include(List<String> paths) {
    this.paths = paths;
  }

  /** @return an include of the given lookup paths, in this column order */
  public static Include fields(String... paths) {
    return new Include(List.of(paths));
  }

  /** @return the paths */
  public List<String> paths() {
    return paths;
  }

  @Override
  public String toString() {
    return "Include" + paths;
  }
}
