package org.lamindb.bionty;

import java.util.List;

/**
 * One gene of a gene table source (Ensembl/GENCODE table, optionally merged with HGNC synonyms).
 *
 * @param ensemblGeneId stable Ensembl id without version, e.g. {@code ENSG00000139618}
 * @param symbol the gene symbol, or null
 * @param biotype Ensembl gene type, e.g. {@code protein_coding}, or null
 * @param description the gene's full name (from HGNC), or null
 * @param ncbiGeneIds NCBI (Entrez) gene ids, possibly empty
 * @param synonyms alias and previous symbols (HGNC), without the symbol itself, possibly empty
 */
public record GeneEntry(
    String ensemblGeneId,
    String symbol,
    String biotype,
    String description,
    List<String> ncbiGeneIds,
    List<String> synonyms) {

  /** Copies the lists so that an entry never changes after creation. */
  public GeneEntry {
    ncbiGeneIds = List.copyOf(ncbiGeneIds);
    synonyms = List.copyOf(synonyms);
  }

  /**
   * @return the synonyms joined with {@code |} as stored in the {@code synonyms} column, or null
   */
  public String synonymsColumn() {
    return synonyms.isEmpty() ? null : String.join("|", synonyms);
  }

  /**
   * @return the NCBI gene ids joined with {@code |} as stored in {@code ncbi_gene_ids}, or null
   */
  public String ncbiGeneIdsColumn() {
    return ncbiGeneIds.isEmpty() ? null : String.join("|", ncbiGeneIds);
  }
}
