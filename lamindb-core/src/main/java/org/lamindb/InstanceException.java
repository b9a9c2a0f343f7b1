package org.lamindb;

/** An instance cannot be created, connected, migrated or deleted as asked. */
public class InstanceException extends LaminException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong, the value, and what to do
   */
  public InstanceException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong, the value, and what to do
   * @param cause the underlying error
   */
  public InstanceException(String message, Throwable cause) {
    super(message, cause);
  }
}
