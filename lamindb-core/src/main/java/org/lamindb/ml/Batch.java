package org.lamindb.ml;

import java.util.List;
import java.util.Map;
import org.lamindb.InvalidArgumentException;

/**
 * A batch of samples from {@link MappedCollection#batches(BatchOptions)}: the rows of the matrix as
 * CSR or dense floats, the obs codes per key and the id of every row ({@code <artifact
 * uid>:<row>}). Arrays are handed out without copying.
 */
public final class Batch {
  private final FloatMatrix x;
  private final Map<String, int[]> obs;
  private final List<String> rowIds;

  /**
   * @param x the rows
   * @param obs obs key → one code per row
   * @param rowIds one id per row
   */
  public Batch(FloatMatrix x, Map<String, int[]> obs, List<String> rowIds) {
    if (rowIds.size() != x.rows()) {
      throw new IllegalArgumentException(rowIds.size() + " row ids for " + x.rows() + " rows");
    }
    this.x = x;
    this.obs = obs;
    this.rowIds = rowIds;
  }

  /**
   * @return number of samples
   */
  public int size() {
    return x.rows();
  }

  /**
   * @return the rows of the matrix (CSR when the files are sparse, else dense row-major)
   */
  public FloatMatrix x() {
    return x;
  }

  /**
   * @param key an obs key of the mapped options
   * @return one code per row
   */
  public int[] obs(String key) {
    int[] codes = obs.get(key);
    if (codes == null) {
      throw new InvalidArgumentException(
          "no obs key '"
              + key
              + "' in this batch; it has "
              + obs.keySet()
              + " (add it with MappedOptions.builder().obsKeys(...))");
    }
    return codes;
  }

  /**
   * @return {@code <artifact uid>:<row index>} of each sample, in batch order
   */
  public List<String> rowIds() {
    return rowIds;
  }

  @Override
  public String toString() {
    return "Batch of " + size() + " " + x;
  }
}
