package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.RegistryDef;

/** A record of registry {@code bionty.Phenotype} (table {@code bionty_phenotype}). */
public final class Phenotype extends OntologyRecord<Phenotype> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.Phenotype}
   */
  public Phenotype(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.PHENOTYPE);
  }
}
