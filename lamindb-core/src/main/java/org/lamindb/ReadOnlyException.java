package org.lamindb;

/**
 * A write (save, delete, annotate, track) through a read-only handle, e.g. one opened with {@link
 * LaminDB#db(String)}. Connect with {@link LaminDB#connect(String)} to write, or transfer records
 * into your own instance with {@code ln.artifacts().transfer(artifact)}.
 */
public class ReadOnlyException extends InstanceException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was refused and where
   */
  public ReadOnlyException(String message) {
    super(message);
  }
}
