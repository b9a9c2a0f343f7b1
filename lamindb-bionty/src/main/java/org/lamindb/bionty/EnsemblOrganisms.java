package org.lamindb.bionty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Infers the organism of Ensembl gene ids from their prefix, as bionty does before validating
 * {@code Gene.ensembl_gene_id} values: {@code ENSG} is human, {@code ENSMUSG} mouse, and so on. The
 * prefix is the id without its trailing digits (and without a {@code .version} suffix).
 *
 * <pre>{@code
 * EnsemblOrganisms.organismOf("ENSMUSG00000051951");   // Optional[mouse]
 * EnsemblOrganisms.infer(List.of("ENSG00000139618"));   // Optional[human]
 * }</pre>
 */
public final class EnsemblOrganisms {
  /** Gene-id prefix to bionty organism name (lower-case Ensembl common name). */
  private static final Map<String, String> GENE_PREFIXES =
      Map.ofEntries(
          Map.entry("ENSG", "human"),
          Map.entry("ENSMUSG", "mouse"),
          Map.entry("ENSRNOG", "rat"),
          Map.entry("ENSDARG", "zebrafish"),
          Map.entry("ENSGALG", "chicken"),
          Map.entry("ENSSSCG", "pig"),
          Map.entry("ENSBTAG", "cow"),
          Map.entry("ENSCAFG", "dog"),
          Map.entry("ENSPTRG", "chimpanzee"),
          Map.entry("ENSGGOG", "gorilla"),
          Map.entry("ENSMMUG", "macaque"),
          Map.entry("ENSMFAG", "crab-eating macaque"),
          Map.entry("ENSCJAG", "marmoset"),
          Map.entry("ENSOCUG", "rabbit"),
          Map.entry("ENSXETG", "tropical clawed frog"));

  private EnsemblOrganisms() {}

  /**
   * @param ensemblId an Ensembl gene id, e.g. {@code ENSG00000139618} or {@code ENSG00000139618.17}
   * @return the organism name, or empty when the prefix is not an Ensembl gene prefix known here
   */
  public static Optional<String> organismOf(String ensemblId) {
    return Optional.ofNullable(GENE_PREFIXES.get(prefixOf(ensemblId)));
  }

  /**
   * Infers the organism from the first value that starts with {@code ENS}, as bionty does.
   *
   * @param values gene ids, possibly mixed with other values
   * @return the organism of the first Ensembl id, or empty when none is recognised
   */
  public static Optional<String> infer(List<String> values) {
    for (String v : values) {
      if (v != null && v.startsWith("ENS")) {
        return organismOf(v);
      }
    }
    return Optional.empty();
  }

  /**
   * @return the id without its version suffix and trailing digits, e.g. {@code ENSMUSG}
   */
  public static String prefixOf(String ensemblId) {
    if (ensemblId == null) {
      return "";
    }
    String id = ensemblId.strip();
    int dot = id.indexOf('.');
    if (dot >= 0) {
      id = id.substring(0, dot);
    }
    int end = id.length();
    while (end > 0 && Character.isDigit(id.charAt(end - 1))) {
      end--;
    }
    return id.substring(0, end);
  }
}
