package org.lamindb;

/** Entry point: a handle on one LaminDB instance. */
public final class LaminDB implements AutoCloseable {
  @Override
  public void close() {}
}
