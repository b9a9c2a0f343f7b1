package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.RegistryDef;

/** A record of registry {@code bionty.Tissue} (table {@code bionty_tissue}). */
public final class Tissue extends OntologyRecord<Tissue> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.Tissue}
   */
  public Tissue(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.TISSUE);
  }
}
