package org.lamindb;

/** A record, instance or file that was asked for does not exist. */
public class NotFoundException extends LaminException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong, the value, and what to do
   */
  public NotFoundException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong, the value, and what to do
   * @param cause the underlying error
   */
  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
