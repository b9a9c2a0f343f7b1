package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.RegistryDef;

/** A record of registry {@code bionty.CellType} (table {@code bionty_celltype}). */
public final class CellType extends OntologyRecord<CellType> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.CellType}
   */
  public CellType(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.CELL_TYPE);
  }
}
