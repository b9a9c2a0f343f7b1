package org.lamindb.internal.db;

import java.util.List;
import org.lamindb.spi.Migration;

/** The migrations of the core module, in order. Append new versions; never edit released ones. */
public final class CoreMigrations {
  private CoreMigrations() {}

  /** @return all core migrations */
  public static List<Migration> all() {
    return List.of(new CoreSchemaV1());
  }
}
