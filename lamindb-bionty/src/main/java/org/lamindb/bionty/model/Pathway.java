package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.RegistryDef;

/** A record of registry {@code bionty.Pathway} (table {@code bionty_pathway}). */
public final class Pathway extends OntologyRecord<Pathway> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.Pathway}
   */
  public Pathway(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.PATHWAY);
  }
}
