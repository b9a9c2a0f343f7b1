package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.RegistryDef;

/**
 * A record of registry {@code bionty.DevelopmentalStage} (table {@code bionty_developmentalstage}).
 */
public final class DevelopmentalStage extends OntologyRecord<DevelopmentalStage> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.DevelopmentalStage}
   */
  public DevelopmentalStage(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.DEVELOPMENTAL_STAGE);
  }
}
