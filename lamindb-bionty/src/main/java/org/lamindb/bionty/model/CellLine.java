package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.RegistryDef;

/** A record of registry {@code bionty.CellLine} (table {@code bionty_cellline}). */
public final class CellLine extends OntologyRecord<CellLine> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.CellLine}
   */
  public CellLine(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.CELL_LINE);
  }
}
