package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.RegistryDef;

/**
 * A record of registry {@code bionty.ExperimentalFactor} (table {@code bionty_experimentalfactor}).
 */
public final class ExperimentalFactor extends OntologyRecord<ExperimentalFactor> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.ExperimentalFactor}
   */
  public ExperimentalFactor(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.EXPERIMENTAL_FACTOR);
  }
}
