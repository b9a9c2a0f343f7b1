package org.lamindb;

/**
 * Root of every error lamindb-java raises on purpose. It is unchecked: callers catch the specific
 * subclass they can handle. Messages say what was wrong, the offending value, and what to do next.
 */
public class LaminException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong, the value, and what to do
   */
  public LaminException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong, the value, and what to do
   * @param cause the underlying error
   */
  public LaminException(String message, Throwable cause) {
    super(message, cause);
  }
}
