package org.lamindb;

/** A query that must return exactly one record matched several. */
public class MultipleResultsException extends LaminException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong, the value, and what to do
   */
  public MultipleResultsException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong, the value, and what to do
   * @param cause the underlying error
   */
  public MultipleResultsException(String message, Throwable cause) {
    super(message, cause);
  }
}
