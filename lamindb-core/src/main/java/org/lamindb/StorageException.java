package org.lamindb;

/** Reading or writing a storage location failed (missing, unwritable, or remote error). */
public class StorageException extends LaminException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong, the value, and what to do
   */
  public StorageException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong, the value, and what to do
   * @param cause the underlying error
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
