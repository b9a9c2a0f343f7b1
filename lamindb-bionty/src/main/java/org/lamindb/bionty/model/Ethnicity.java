package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.RegistryDef;

/** A record of registry {@code bionty.Ethnicity} (table {@code bionty_ethnicity}). */
public final class Ethnicity extends OntologyRecord<Ethnicity> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.Ethnicity}
   */
  public Ethnicity(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.ETHNICITY);
  }
}
