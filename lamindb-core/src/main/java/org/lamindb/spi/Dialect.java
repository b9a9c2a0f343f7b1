package org.lamindb.spi;

/** The SQL backends lamindb-java runs on. */
public enum Dialect {
  /** Embedded SQLite (the default). */
  SQLITE,
  /** PostgreSQL server. */
  POSTGRES
}
