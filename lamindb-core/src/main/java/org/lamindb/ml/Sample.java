package org.lamindb.ml;

import java.util.Map;
import org.lamindb.InvalidArgumentException;

/**
 * One row of a {@link MappedCollection}: the row of the matrix (as a one-row {@link FloatMatrix},
 * aligned to the collection's variables), its obs values and codes, its obsm rows and its id {@code
 * <artifact uid>:<row index in that file>}.
 */
public final class Sample {
  private final String rowId;
  private final FloatMatrix x;
  private final Map<String, String> obs;
  private final Map<String, Integer> codes;
  private final Map<String, float[]> obsm;

  /**
   * @param rowId {@code <artifact uid>:<row>}
   * @param x the row, one-row matrix
   * @param obs obs column → value (null when missing)
   * @param codes obs column → code
   * @param obsm obsm key → row
   */
  public Sample(
      String rowId,
      FloatMatrix x,
      Map<String, String> obs,
      Map<String, Integer> codes,
      Map<String, float[]> obsm) {
    this.rowId = rowId;
    this.x = x;
    this.obs = obs;
    this.codes = codes;
    this.obsm = obsm;
  }

  /**
   * @return {@code <artifact uid>:<row index in its file>}
   */
  public String rowId() {
    return rowId;
  }

  /**
   * @return the row of the matrix, as a one-row matrix
   */
  public FloatMatrix x() {
    return x;
  }

  /**
   * @param key an obs key of the options
   * @return the value of that obs column (null when missing)
   */
  public String obs(String key) {
    check(obs, key, "obs key");
    return obs.get(key);
  }

  /**
   * @param key an obs key of the options
   * @return the code of this row's value
   */
  public int code(String key) {
    check(codes, key, "obs key");
    return codes.get(key);
  }

  /**
   * @param key an obsm key of the options
   * @return this row of that obsm matrix
   */
  public float[] obsm(String key) {
    check(obsm, key, "obsm key");
    return obsm.get(key);
  }

  private static void check(Map<String, ?> m, String key, String what) {
    if (!m.containsKey(key)) {
      throw new InvalidArgumentException(
          "no "
              + what
              + " '"
              + key
              + "' in this sample; it has "
              + m.keySet()
              + " (add it to MappedOptions)");
    }
  }

  @Override
  public String toString() {
    return "Sample " + rowId + " " + obs;
  }
}
