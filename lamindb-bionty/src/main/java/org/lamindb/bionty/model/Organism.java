package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.spi.RegistryDef;

/** A record of registry {@code bionty.Organism} (table {@code bionty_organism}). */
public final class Organism extends OntologyRecord<Organism> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.Organism}
   */
  public Organism(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.ORGANISM);
  }

  /**
   * @return the scientific name, e.g. {@code homo_sapiens}, or null
   */
  public String scientificName() {
    return (String) get("scientific_name");
  }

  /** Sets the scientific name. */
  public Organism scientificName(String name) {
    return set("scientific_name", name);
  }
}
