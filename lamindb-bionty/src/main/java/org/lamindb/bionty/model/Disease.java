package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.RegistryDef;

/** A record of registry {@code bionty.Disease} (table {@code bionty_disease}). */
public final class Disease extends OntologyRecord<Disease> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.Disease}
   */
  public Disease(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.DISEASE);
  }
}
