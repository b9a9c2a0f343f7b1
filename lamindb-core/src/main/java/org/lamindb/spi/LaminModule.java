package org.lamindb.spi;

import java.util.List;
import org.lamindb.LaminDB;

/**
 * A module of registries (LaminDB's "plug-ins"): core itself ({@code lamindb}) and e.g. {@code
 * bionty}. Found with {@link java.util.ServiceLoader}; an instance enables the modules named at
 * {@code lamin init --modules ...} (core always). Each module migrates its own tables with its own
 * Flyway history table {@code <name>_migrations}.
 */
public interface LaminModule {

  /**
   * @return the module name, e.g. {@code bionty}; also the table prefix
   */
  String name();

  /**
   * @return registries the module adds
   */
  List<RegistryDef> registries();

  /**
   * @return all schema versions, ascending
   */
  List<Migration> migrations();

  /**
   * @return names of modules this one needs (core is implicit)
   */
  default List<String> requires() {
    return List.of();
  }

  /**
   * Called once after the module's schema is current on a newly connected instance (e.g. to seed
   * rows).
   *
   * @param ln the instance
   */
  default void onConnect(LaminDB ln) {}

  /**
   * @param ln the instance
   * @return the module's entry point for {@link LaminDB#module(Class)}, e.g. {@code Bionty}; null
   *     if none
   */
  default Object facade(LaminDB ln) {
    return null;
  }
}
