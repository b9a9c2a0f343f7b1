package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.BiontyUids;
import org.lamindb.spi.RegistryDef;

/**
 * A record of {@code bionty.Protein}: name, UniProtKB id (unique), length, gene symbol; organism
 * required.
 */
public final class Protein extends BioRecord<Protein> {

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.Protein}
   */
  public Protein(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.PROTEIN);
  }

  /**
   * @return the protein name, or null
   */
  public String name() {
    return (String) get("name");
  }

  /** Sets the name. */
  public Protein name(String name) {
    return set("name", name);
  }

  /**
   * @return the UniProtKB id, or null
   */
  public String uniprotkbId() {
    return (String) get("uniprotkb_id");
  }

  /** Sets the UniProtKB id and the uid derived from it. */
  public Protein uniprotkbId(String id) {
    set("uniprotkb_id", id);
    return id() == null ? set("uid", BiontyUids.ofOntologyRecord(id)) : this;
  }

  /**
   * @return the gene symbol, or null
   */
  public String geneSymbol() {
    return (String) get("gene_symbol");
  }

  /**
   * @return the organism id
   */
  public Long organismId() {
    return (Long) get("organism_id");
  }

  /** Sets the organism. */
  public Protein organism(Organism organism) {
    return set("organism_id", organism.id());
  }
}
