package org.lamindb.internal.query;

import org.lamindb.InvalidArgumentException;

/** An unknown field in a lookup; may still be a feature name on registries with features. */
public final class UnknownFieldException extends InvalidArgumentException {
  private static final long serialVersionUID = 1L;

  private final boolean atRoot;

  /**
   * @param message what was wrong and the nearest valid names
   * @param atRoot true when the first segment of the lookup was unknown
   */
  public UnknownFieldException(String message, boolean atRoot) {
    super(message);
    this.atRoot = atRoot;
  }

  /**
   * @return true when the first segment of the lookup was unknown
   */
  public boolean atRoot() {
    return atRoot;
  }
}
