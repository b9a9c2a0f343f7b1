package org.lamindb;

/** Lineage tracking (track/finish, flows, steps) was used out of order or failed. */
public class TrackingException extends LaminException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was wrong, the value, and what to do
   */
  public TrackingException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong, the value, and what to do
   * @param cause the underlying error
   */
  public TrackingException(String message, Throwable cause) {
    super(message, cause);
  }
}
