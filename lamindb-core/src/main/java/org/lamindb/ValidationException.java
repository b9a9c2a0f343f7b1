package org.lamindb;

import java.util.List;

/**
 * Values failed validation against features, schemas or registries. {@link #problems()} lists every
 * bad value at once, so a user can fix them in one go.
 */
public class ValidationException extends LaminException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  /**
   * @param message the full report
   */
  public ValidationException(String message) {
    this(message, List.of(message));
  }

  /**
   * @param message the full report
   * @param problems one line per offending value
   */
  public ValidationException(String message, List<String> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  /**
   * @return one entry per offending value, in the order they were found
   */
  public List<String> problems() {
    return problems;
  }
}
