package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.BiontyUids;
import org.lamindb.spi.RegistryDef;

/**
 * A record of {@code bionty.CellMarker}: name unique per organism, gene symbol, NCBI and UniProtKB
 * ids.
 */
public final class CellMarker extends BioRecord<CellMarker> {
  private String organismName;

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.CellMarker}
   */
  public CellMarker(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.CELL_MARKER);
  }

  /**
   * @return the marker name
   */
  public String name() {
    return (String) get("name");
  }

  /** Sets the name (and the uid, from name + organism). */
  public CellMarker name(String name) {
    set("name", name);
    return updateUid();
  }

  /**
   * @return the organism id
   */
  public Long organismId() {
    return (Long) get("organism_id");
  }

  /** Sets the organism (and the uid). */
  public CellMarker organism(Organism organism) {
    this.organismName = organism.name();
    set("organism_id", organism.id());
    return updateUid();
  }

  private CellMarker updateUid() {
    return id() == null && name() != null
        ? set("uid", BiontyUids.ofNamedRecord(name(), organismName))
        : this;
  }
}
