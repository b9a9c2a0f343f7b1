package org.lamindb.bionty.model;

import org.lamindb.LaminDB;
import org.lamindb.bionty.BiontyEntity;
import org.lamindb.bionty.BiontyUids;
import org.lamindb.spi.RegistryDef;

/**
 * A record of {@code bionty.Gene}: symbol, Ensembl id (unique), stable id for non-Ensembl
 * organisms, NCBI ids, biotype; the organism is required. Its uid derives from the Ensembl id, else
 * the stable id, else symbol + organism.
 */
public final class Gene extends BioRecord<Gene> {
  private String organismName;

  /**
   * Creates an unsaved record; use {@code Bionty} to create and query records.
   *
   * @param ln the instance
   * @param registry the registry definition of {@code bionty.Gene}
   */
  public Gene(LaminDB ln, RegistryDef registry) {
    super(ln, registry, BiontyEntity.GENE);
  }

  /**
   * @return the gene symbol, or null
   */
  public String symbol() {
    return (String) get("symbol");
  }

  /** Sets the symbol. */
  public Gene symbol(String symbol) {
    set("symbol", symbol);
    return updateUid();
  }

  /**
   * @return the Ensembl gene id, or null
   */
  public String ensemblGeneId() {
    return (String) get("ensembl_gene_id");
  }

  /** Sets the Ensembl gene id (and the uid). */
  public Gene ensemblGeneId(String id) {
    set("ensembl_gene_id", id);
    return updateUid();
  }

  /**
   * @return the stable id of non-Ensembl genes (e.g. yeast {@code YAL001C}), or null
   */
  public String stableId() {
    return (String) get("stable_id");
  }

  /** Sets the stable id. */
  public Gene stableId(String id) {
    set("stable_id", id);
    return updateUid();
  }

  /**
   * @return the pipe-separated NCBI gene ids, or null
   */
  public String ncbiGeneIds() {
    return (String) get("ncbi_gene_ids");
  }

  /**
   * @return the biotype, e.g. {@code protein_coding}, or null
   */
  public String biotype() {
    return (String) get("biotype");
  }

  /** Sets the biotype. */
  public Gene biotype(String biotype) {
    return set("biotype", biotype);
  }

  /**
   * @return the organism id
   */
  public Long organismId() {
    return (Long) get("organism_id");
  }

  /** Sets the organism. */
  public Gene organism(Organism organism) {
    this.organismName = organism.name();
    set("organism_id", organism.id());
    return updateUid();
  }

  private Gene updateUid() {
    if (id() != null || (ensemblGeneId() == null && stableId() == null && symbol() == null)) {
      return this;
    }
    return set("uid", BiontyUids.ofGene(ensemblGeneId(), stableId(), symbol(), organismName));
  }

  @Override
  public String toString() {
    return "Gene(symbol='" + symbol() + "', ensembl_gene_id='" + ensemblGeneId() + "')";
  }
}
