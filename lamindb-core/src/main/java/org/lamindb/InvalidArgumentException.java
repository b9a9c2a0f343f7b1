package org.lamindb;

/** An argument has a value that can never be valid (bad key, unknown field, wrong type). */
public class InvalidArgumentException extends LaminException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong, the value, and what to do
   */
  public InvalidArgumentException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong, the value, and what to do
   * @param cause the underlying error
   */
  public InvalidArgumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
