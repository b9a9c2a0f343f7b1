package org.lamindb.bionty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lamindb.InvalidArgumentException;
import org.lamindb.bionty.internal.db.Snapshot;
import org.lamindb.bionty.internal.parse.SourceFiles;
import org.lamindb.bionty.model.Gene;
import org.lamindb.bionty.model.Organism;
import org.lamindb.curate.InspectResult;

/**
 * The Gene registry: like every bionty registry, plus gene-table imports and organism handling. For
 * {@code ensembl_gene_id} values the organism is inferred from the first Ensembl id ({@code ENSG} →
 * human, {@code ENSMUSG} → mouse); for symbols it must be given.
 *
 * <pre>{@code
 * bt.genes().importSource(Path.of("genes_homo_sapiens.csv.gz"), Path.of("hgnc_complete_set.txt.gz"), "human");
 * bt.genes().validate(ensemblIds, "ensembl_gene_id");                        // organism inferred
 * bt.genes().standardize(List.of("FANCD1"), "human");                        // [BRCA2]
 * }</pre>
 */
public final class GeneRegistry extends BiontyRegistry<Gene> {

  GeneRegistry(Bionty bt) {
    super(bt, BiontyEntity.GENE, Gene.class);
  }

  /**
   * Imports a gene table with organism and HGNC synonyms.
   *
   * @param genes Ensembl-style CSV (plain or gzip)
   * @param hgnc HGNC complete set TSV for synonyms and NCBI ids, or null
   * @param organism e.g. {@code human}; null to infer it from the first gene id
   * @return what was imported
   */
  public ImportReport importSource(Path genes, Path hgnc, String organism) {
    String org = organism != null ? organism : inferOrganism(genes);
    Organism o = bt.organism(org);
    SourceInfo s = bt.geneSource(org, genes);
    ImportReport r = bt.importGenes(genes, hgnc, s, o.id());
    bt.snapshots().invalidate();
    return r;
  }

  /**
   * Imports a gene table without synonyms: a headerless Ensembl-style CSV (organism inferred from
   * the first gene id) or a bionty parquet ({@code ensembl_gene_id}, {@code symbol}, {@code
   * ncbi_gene_id}, {@code biotype}, {@code description}, {@code synonyms}; organism from the file
   * name).
   */
  @Override
  public ImportReport importSource(Path genes) {
    return importSource(genes, null, null, null);
  }

  /**
   * Imports a gene table: bionty parquet files like every table source; Ensembl-style CSV files
   * through {@link #importSource(Path, Path, String)} without HGNC synonyms (source name and
   * version are then Ensembl's current ones).
   */
  @Override
  public ImportReport importSource(Path file, String sourceName, String version, String organism) {
    if (SourceFiles.baseName(file).endsWith(".parquet")) {
      return super.importSource(file, sourceName, version, organism);
    }
    return importSource(file, (Path) null, organism);
  }

  /**
   * @return one boolean per value on {@code field}, restricted to {@code organism}'s genes
   */
  public boolean[] validate(List<String> values, String field, String organism) {
    return snapshot(values, field, organism).vocabulary().validate(values);
  }

  /**
   * @return the inspect result on {@code field}, restricted to {@code organism}'s genes
   */
  @Override
  public InspectResult inspect(List<String> values, String field, String organism) {
    return super.inspect(values, field, organism);
  }

  /**
   * @return symbols standardized with HGNC alias/previous symbols among {@code organism}'s genes
   */
  public List<String> standardize(List<String> values, String organism) {
    Snapshot s = snapshot(values, "symbol", organism);
    return s.vocabulary()
        .standardize(values, false, org.lamindb.curate.Vocabulary.Keep.FIRST, null);
  }

  @Override
  Snapshot snapshot(List<String> values, String field, String organism) {
    checkField(field);
    String org = organism;
    if (org == null && field.equals("ensembl_gene_id")) {
      org = EnsemblOrganisms.infer(values).orElse(null);
    }
    if (org == null && (field.equals("symbol") || field.equals("stable_id"))) {
      throw new InvalidArgumentException(
          "`organism` is required to validate Gene "
              + field
              + " values; pass it, e.g. validate(values, \""
              + field
              + "\", \"human\")");
    }
    Long orgId = org == null ? null : bt.organismId(org);
    return bt.snapshots().get(entity, field, orgId == null ? null : orgId);
  }

  private static String inferOrganism(Path genes) {
    String n = genes.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.contains("homo_sapiens")) {
      return "human";
    }
    if (n.contains("mus_musculus")) {
      return "mouse";
    }
    try (InputStream in = SourceFiles.open(genes)) {
      byte[] head = in.readNBytes(4096);
      String first =
          new String(head, java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .filter(l -> l.startsWith("ENS"))
              .findFirst()
              .orElse("");
      String id = first.split("[,\t]", 2)[0];
      return EnsemblOrganisms.organismOf(id)
          .orElseThrow(
              () ->
                  new InvalidArgumentException(
                      "cannot infer the organism of "
                          + genes
                          + "; pass it, e.g. importSource(file, hgnc, \"human\")"));
    } catch (IOException e) {
      throw SourceFiles.ioError(genes, e);
    }
  }
}
