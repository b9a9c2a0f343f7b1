package org.lamindb;

/** An operation would break a database invariant (uniqueness, versions, references). */
public class IntegrityException extends LaminException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong, the value, and what to do
   */
  public IntegrityException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong, the value, and what to do
   * @param cause the underlying error
   */
  public IntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
