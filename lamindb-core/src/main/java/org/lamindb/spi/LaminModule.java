package org.lamindb.spi;

import java.util.List;

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
   * @return relations this module adds to registries of other modules (e.g. {@code
   *     Artifact.diseases}); empty by default
   */
  default List<HostRelation> hostRelations() {
    return List.of();
  }

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
   * @param ctx the instance as modules see it
   */
  default void onConnect(ModuleContext ctx) {}

  /**
   * @param ctx the instance as modules see it
   * @return the module's entry point for {@link org.lamindb.LaminDB#module(Class)}, e.g. {@code
   *     Bionty} (keep one per instance with {@link ModuleContext#service}); null if none
   */
  default Object facade(ModuleContext ctx) {
    return null;
  }
}
